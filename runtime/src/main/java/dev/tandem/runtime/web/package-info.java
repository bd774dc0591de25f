/**
 * The network edge: the WebSocket endpoint ({@link dev.tandem.runtime.web.LiveSocket}), the HTTP
 * endpoints ({@link dev.tandem.runtime.web.LiveObjectController}), identity (session credentials
 * signed by the server, or Micronaut Security's principal), the origin check, and error responses.
 * The protocol is documented in {@code docs/PROTOCOL.md}.
 */
package dev.tandem.runtime.web;
