/**
 * The Java client of a Tandem server: {@link dev.tandem.client.TandemClient} connects to live-object
 * instances over WebSocket, keeps a local copy of their state, and calls actions. The typed client
 * generated for each live-object class ({@code XClient}) is built on
 * {@link dev.tandem.client.LiveConnection}.
 */
package dev.tandem.client;
