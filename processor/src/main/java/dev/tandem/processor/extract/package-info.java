/**
 * Extraction and validation: turns one {@code @LiveObject} class, as the compiler sees it, into a
 * {@link dev.tandem.processor.model.LiveObjectModel}, reporting every problem on its element.
 */
package dev.tandem.processor.extract;
