/**
 * The immutable, validated model of a live-object class that the extractor builds and the writers
 * read: {@link dev.tandem.processor.model.LiveObjectModel} with its fields, actions and hooks, and
 * {@link dev.tandem.processor.model.TypeRef}, the JSON-mappable types they use.
 */
package dev.tandem.processor.model;
