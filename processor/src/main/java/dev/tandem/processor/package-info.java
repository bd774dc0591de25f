/**
 * The Tandem annotation processor: {@link dev.tandem.processor.TandemProcessor} takes each
 * {@code @LiveObject} class, has the extractor build a validated model (reporting every problem as
 * a compile error with a code from {@link dev.tandem.processor.Diagnostic}), and hands the model to
 * the writers.
 */
package dev.tandem.processor;
