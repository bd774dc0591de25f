/**
 * A test kit for live objects: drive a class's actions, hooks and timers in a plain unit test, with
 * fake callers and a controllable clock, under the same turn semantics as the server (one turn at a
 * time, rollback on exception, JSON Patch per change). No server, database or sockets.
 */
package dev.tandem.runtime.testkit;
