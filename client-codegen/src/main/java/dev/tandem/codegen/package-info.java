/**
 * The TypeScript client generator. {@link dev.tandem.codegen.TypeScriptGenerator} turns model
 * documents into files, returned as values; only the {@link dev.tandem.codegen.Cli} and the Maven
 * plugin ({@link dev.tandem.codegen.TypeScriptMojo}) write them to disk. The client runtime it
 * ships with lives in {@code src/main/resources/dev/tandem/codegen/runtime}.
 */
package dev.tandem.codegen;
