/** JMH micro-benchmarks of the code the processor generates: snapshot, restore, dispatch. */
package dev.tandem.bench.jmh;
