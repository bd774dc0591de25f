import type { ConnectOptions, DeepReadonly, LiveObject, LiveObjectType, Status, TandemError } from "./runtime.js";

/** What {@link useLiveObject} returns. */
export interface LiveObjectHook<S, A> {
  /** The connection, once open; `null` before. */
  object: LiveObject<S, A> | null;
  /** The state, re-rendering on each change; `undefined` until the first snapshot. */
  state: DeepReadonly<S> | undefined;
  /** Where the connection stands. */
  status: Status;
  /** Why connecting failed, if it did. */
  error: TandemError | null;
}

/**
 * Connects to a live object while the component is mounted.
 *
 * ```tsx
 * const { state, object } = useLiveObject(Counter, "lobby");
 * return <button onClick={() => object?.actions.increment(1)}>{state?.count}</button>;
 * ```
 */
export declare function useLiveObject<S, A>(
  type: LiveObjectType<S, A>,
  id: string,
  options?: ConnectOptions,
): LiveObjectHook<S, A>;
