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
  | "invalid_transition"
  | "closed"
  | "connection_failed"
  | "bad_patch";

/** A failed call or connection. For `rejected`, `message` is the one the action's `ActionRejected` carried. */
export declare class TandemError extends Error {
  constructor(code: ErrorCode, message: string);
  readonly code: ErrorCode;
}

/**
 * A call the server refused because the state machine does not handle the action in the current
 * state (code `invalid_transition`). The server decides: clients never pre-check, since their state
 * may be stale while earlier calls are in flight.
 *
 * ```ts
 * try {
 *   await order.actions.deliver();
 * } catch (e) {
 *   if (e instanceof InvalidTransition) console.log(e.state, e.allowed); // "PENDING", ["pay", "cancel", "rename"]
 * }
 * ```
 */
export declare class InvalidTransition<T extends string = string, N extends string = string> extends TandemError {
  constructor(message: string, state: T, allowed: readonly N[]);
  readonly code: "invalid_transition";
  /** The instance's state on the server when it refused. */
  readonly state: T;
  /** The actions that state handles, in the machine's order. */
  readonly allowed: readonly N[];
}

/** The name of an action of an actions interface. */
export type ActionName<A> = keyof A & string;

/**
 * A live object's state machine, as the generated descriptor carries it (the model's `machine`):
 * `T` is the union of its states, `N` of its action names.
 */
export interface Machine<T extends string, N extends string> {
  /** The name of the state field. */
  readonly field: string;
  /** The states, in the enum's order. */
  readonly states: readonly T[];
  /** The guarded actions and the states each is allowed in, in the class's order. */
  readonly transitions: readonly { readonly action: N; readonly from: readonly T[] }[];
  /** The actions allowed in every state. */
  readonly free: readonly N[];
}

/** What a state allows: the actions in order, a flag per action, and a typed test of the state. */
export interface MachineView<T extends string, N extends string> {
  /** The actions the current state handles: its transitions in the machine's order, then the free actions. */
  readonly allowed: readonly N[];
  /** For every action, whether the current state handles it, like `can.pay`. */
  readonly can: { readonly [K in N]: boolean };
  /** Whether the machine is in `state`, like `matches("PAID")`; always false for a type without a machine. */
  matches(state: T): boolean;
}

/**
 * Computes {@link MachineView} for a state you hold, from the descriptor alone (no round trip).
 * {@link LiveObject} and the React hook use it; a type without a machine allows all its actions, and
 * an undefined state (before the first snapshot) none.
 *
 * ```ts
 * machineView(Order, { ...order.state, status: "PAID" }).allowed; // ["cancel", "ship", "rename"]
 * ```
 */
export declare function machineView<S, A, T extends string>(
  type: LiveObjectType<S, A, T>,
  state: DeepReadonly<S> | undefined,
): MachineView<T, ActionName<A>>;

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
 * state and actions as type parameters, and for a class with a `@State` field its machine, `T`
 * being the union of its states (`never` without one).
 */
export interface LiveObjectType<S, A, T extends string = never> {
  readonly type: string;
  readonly actions: readonly string[];
  /** The state machine, when the class has a `@State` field. */
  readonly machine?: Machine<T, ActionName<A>>;
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

/**
 * A connection to one live-object instance. `allowed`, `can` and `matches` ({@link MachineView})
 * follow {@link LiveObject.state} with no round trip:
 *
 * ```ts
 * const order = await connect(Order, "o-1", { url });
 * order.matches("PENDING");   // typed: a misspelt state does not compile
 * order.allowed;              // readonly ("pay" | "cancel" | ...)[]
 * if (order.can.pay) await order.actions.pay("p-1");
 * ```
 */
export interface LiveObject<S, A, T extends string = never> extends MachineView<T, ActionName<A>> {
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
export declare function connect<S, A, T extends string = never>(
  type: LiveObjectType<S, A, T>,
  id: string,
  options?: ConnectOptions,
): Promise<LiveObject<S, A, T>>;

/** Applies a JSON Patch without modifying `root`; changed paths are copied, the rest shared. */
export declare function applyPatch<T>(root: T, ops: readonly { op: string; path: string; value?: unknown }[]): T;
