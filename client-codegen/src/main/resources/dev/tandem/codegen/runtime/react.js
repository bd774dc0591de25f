// useLiveObject: a React hook over the Tandem client, built on useSyncExternalStore. Import it only
// where React is available; the client runtime itself has no dependencies.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { connect, machineView } from "./runtime.js";

const noObject = { subscribe: () => () => {}, get: () => undefined };

/**
 * Connects while the component is mounted (and reconnects when type or id change).
 * Returns { object, state, status, error, allowed, can, matches }: state is undefined until the
 * first snapshot; allowed, can and matches follow state (see machineView in runtime.js).
 */
export function useLiveObject(type, id, options) {
  const [object, setObject] = useState(null);
  const [error, setError] = useState(null);
  const [status, setStatus] = useState("connecting");
  useEffect(() => {
    let live = null;
    let cancelled = false;
    setObject(null);
    setError(null);
    setStatus("connecting");
    connect(type, id, options).then(o => {
      if (cancelled) {
        o.close();
        return;
      }
      live = o;
      o.onStatus(setStatus);
      setStatus(o.status);
      setObject(o);
    }, e => {
      if (!cancelled) {
        setError(e);
        setStatus("closed");
      }
    });
    return () => {
      cancelled = true;
      if (live) {
        live.close();
      }
    };
  }, [type, id]); // eslint-disable-line react-hooks/exhaustive-deps
  const source = useMemo(
    () => (object ? { subscribe: l => object.subscribe(l), get: () => object.state } : noObject), [object]);
  const state = useSyncExternalStore(source.subscribe, source.get, source.get);
  const view = useMemo(() => machineView(type, state), [type, state]);
  return { object, state, status, error, allowed: view.allowed, can: view.can, matches: view.matches };
}
