/**
 * The API a live-object class is written against.
 *
 * <p>Mark a class {@link dev.tandem.LiveObject}, its shared state {@link dev.tandem.Field} and its
 * client-callable methods {@link dev.tandem.Action}; add {@link dev.tandem.OnCreate},
 * {@link dev.tandem.OnConnect}, {@link dev.tandem.OnDisconnect}, {@link dev.tandem.OnJoin},
 * {@link dev.tandem.OnLeave} and {@link dev.tandem.OnTimer} hooks as needed (and read who is here
 * from {@link dev.tandem.Presence}), and {@link dev.tandem.AllowRead} / {@link dev.tandem.AllowWrite} to decide who may
 * see and call what. The Tandem annotation processor checks the class and generates everything else;
 * the Tandem runtime hosts one instance per ID and runs its turns one at a time.
 */
package dev.tandem;
