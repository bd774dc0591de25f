import type { ActionName, ConnectOptions, DeepReadonly, LiveObject, LiveObjectType, MachineView, Status, TandemError } from "./runtime.js";

/**
 * What {@link useLiveObject} returns. `allowed`, `can` and `matches` follow `state` (nothing is
 * allowed before the first snapshot).
 */
export interface LiveObjectHook<S, A, T extends string = never> extends MachineView<T, ActionName<A>> {
  /** The connection, once open; `null` before. */
  object: LiveObject<S, A, T> | null;
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
 *
 * const { object, can } = useLiveObject(Order, "o-1");
 * return <button disabled={!can.pay} onClick={() => object?.actions.pay("p-1")}>Pay</button>;
 * ```
 */
export declare function useLiveObject<S, A, T extends string = never>(
  type: LiveObjectType<S, A, T>,
  id: string,
  options?: ConnectOptions,
): LiveObjectHook<S, A, T>;
