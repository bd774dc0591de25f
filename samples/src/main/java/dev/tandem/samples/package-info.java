/**
 * The Tandem samples: seven live objects and their pages (under {@code resources/public}), in one
 * Micronaut app. See {@code samples/README.md}.
 */
package dev.tandem.samples;
