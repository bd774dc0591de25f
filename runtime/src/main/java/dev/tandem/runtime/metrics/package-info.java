/**
 * Micrometer metrics of the Tandem runtime: active instances, connections, turns and their
 * duration, rejected calls by code, patches and bytes delivered, storage write latency.
 */
package dev.tandem.runtime.metrics;
