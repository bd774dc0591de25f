/**
 * The samples' demo sign-in: a few fixed accounts from {@code application.yml}, checked by
 * Micronaut Security's login endpoint, which sets a JWT cookie that the browser sends with the
 * WebSocket handshake. A stand-in for a real identity provider, for the payment sample's roles.
 */
package dev.tandem.samples.signin;
