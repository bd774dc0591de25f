/**
 * Tandem client runtime: live objects over WebSocket, typed from the Java classes.
 *
 * ```ts
 * import { connect, TicTacToe } from "./tandem/index.js";
 *
 * const game = await connect(TicTacToe, "game-42", { url: "ws://localhost:8080" });
 * game.state.board;                 // readonly string[]
 * await game.actions.play(4);       // resolves once game.state includes the move
 * const stop = game.subscribe(state => render(state));
 * ```
 */

/** A stable error code: the server's (see docs/PROTOCOL.md) or the client's own. */
export type ErrorCode =
  | "not_found"
  | "unknown_action"
  | "bad_arguments"
  | "bad_request"
  | "rejected"
  | "forbidden"
  | "too_large"
  | "rate_limited"
  | "timeout"
  | "unavailable"
  | "internal"
  | "closed"
  | "connection_failed"
  | "bad_patch";

/** A failed call or connection. For `rejected`, `message` is the one the action's `ActionRejected` carried. */
export declare class TandemError extends Error {
  constructor(code: ErrorCode, message: string);
  readonly code: ErrorCode;
}

/** Where a connection stands. */
export type Status = "connecting" | "open" | "reconnecting" | "closed";

/** A value that can't be modified, all the way down. State is replaced on every change instead. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? ReadonlyArray<DeepReadonly<E>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A live-object type, as generated from its Java class: its type name and action names, with its
 * state and actions as type parameters.
 */
export interface LiveObjectType<S, A> {
  readonly type: string;
  readonly actions: readonly string[];
  /** Carries the state type; never set. */
  readonly __state?: S;
  /** Carries the actions type; never set. */
  readonly __actions?: A;
}

/** The constructor of a WebSocket: the browser's, or the `ws` package's in Node. */
export interface WebSocketConstructor {
  new (url: string): unknown;
}

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** The server, like `ws://localhost:8080` (http URLs work too). In a browser it defaults to the page's host. */
  url?: string;
  /**
   * An anonymous session credential to present (one saved from {@link ConnectOptions.onSession}).
   * By default the client presents the one it keeps for that server: browsers in local storage
   * (`tandem.session` for the page's own server, `tandem.session <host:port>` for another one),
   * so a reload is the same user; Node in memory, per process. Without one, the server issues one
   * with the first connection. It is a secret that proves who you are, unlike {@link LiveObject.userId}:
   * never show it, log it or send it to a live object.
   */
  session?: string;
  /** Called with each session credential the server issues to this connection, to save it (Node apps, for example). */
  onSession?: (session: string) => void;
  /** Connection attributes the server's hooks and actions can read, like a display name. */
  attributes?: Record<string, string | number | boolean>;
  /** A WebSocket implementation; required in Node 20 (`import WebSocket from "ws"`). */
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay in milliseconds (default 250); doubles up to `maxDelay`, with jitter. */
  minDelay?: number;
  /** Longest reconnect delay in milliseconds (default 10000). */
  maxDelay?: number;
  /** How long a call may wait for its answer, queued or sent, in milliseconds (default 15000). */
  callTimeout?: number;
  /** How many calls may wait while disconnected (default 100). */
  maxQueued?: number;
  /** How long {@link connect} waits for the first snapshot, in milliseconds (default 15000). */
  connectTimeout?: number;
  /** Sends a ping when nothing was sent for this long, in milliseconds (default 20000). */
  heartbeatInterval?: number;
  /**
   * When nothing at all arrived for this long, in milliseconds (default 45000), the connection is
   * dead: it is closed and reconnected with resume, as after any drop.
   */
  heartbeatTimeout?: number;
}

/** A connection to one live-object instance. */
export interface LiveObject<S, A> {
  /** The instance ID. */
  readonly id: string;
  /** The local copy of the state: a new object after each change, unchanged parts shared. */
  readonly state: DeepReadonly<S>;
  /** The revision of {@link state}. */
  readonly revision: number;
  /** Where the connection stands. */
  readonly status: Status;
  /**
   * The actions: each returns a promise that resolves with the action's result once {@link state}
   * includes the turn's changes, and rejects with a {@link TandemError}. Calls made while
   * reconnecting are queued and sent when the connection is back; none runs twice.
   */
  readonly actions: A;
  /** This connection's ID on the server. */
  readonly connectionId: string | null;
  /** This connection's user ID on the server: public (objects may publish it), never a credential. */
  readonly userId: string | null;
  /** Calls {@code listener} after each change; returns a function that unsubscribes. */
  subscribe(listener: (state: DeepReadonly<S>) => void): () => void;
  /** Calls {@code listener} when the status changes; returns a function that unsubscribes. */
  onStatus(listener: (status: Status) => void): () => void;
  /** Calls {@code listener} for errors not tied to a call; returns a function that unsubscribes. */
  onError(listener: (error: TandemError) => void): () => void;
  /** Calls an action by name with positional arguments. */
  call(action: string, args: readonly unknown[]): Promise<unknown>;
  /** Closes the connection; waiting calls reject with code `closed`. */
  close(): void;
}

/**
 * Connects to one instance of a live-object type. Resolves once the first snapshot has arrived;
 * rejects with a {@link TandemError} at the first failed attempt: with the server's code and reason
 * if it refused (for example `not_found` for an unknown type), else with `connection_failed` saying
 * what happened ("connection refused", or the socket's close code and reason). Once connected, a
 * dropped connection is retried instead.
 */
export declare function connect<S, A>(
  type: LiveObjectType<S, A>,
  id: string,
  options?: ConnectOptions,
): Promise<LiveObject<S, A>>;

/** Applies a JSON Patch without modifying `root`; changed paths are copied, the rest shared. */
export declare function applyPatch<T>(root: T, ops: readonly { op: string; path: string; value?: unknown }[]): T;
