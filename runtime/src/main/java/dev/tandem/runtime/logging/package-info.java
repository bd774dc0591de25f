/**
 * Tandem's default logging: INFO to the console for an application that has no logging
 * configuration of its own, instead of logback's default of every DEBUG line.
 */
package dev.tandem.runtime.logging;
