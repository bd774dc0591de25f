/**
 * The model documents the annotation processor writes (format in {@code docs/MODEL.md}), read into
 * records: what the generators need and nothing Java-specific beyond names.
 */
package dev.tandem.codegen.model;
