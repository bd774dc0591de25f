/**
 * The Tandem side of the benchmarks: a Micronaut server hosting the benchmark counters. Start it
 * with {@code java -jar bench/target/tandem-bench-server.jar}; see {@code bench/README.md}.
 */
package dev.tandem.bench.server;
