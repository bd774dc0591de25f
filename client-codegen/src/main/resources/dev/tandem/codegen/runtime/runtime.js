// Tandem client runtime: connects to live objects over WebSocket, keeps an immutable local copy of
// their state, calls their actions. No dependencies; runs in browsers and in Node 20+ (pass a
// WebSocket implementation such as the `ws` package). Protocol: docs/PROTOCOL.md.

/** Errors from the server or the connection; `code` is stable, `message` is for people. */
export class TandemError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "TandemError";
    this.code = code;
  }
}

/**
 * A call refused because the instance's state machine does not handle that action in its current
 * state (code `invalid_transition`); `state` is the server's current state, `allowed` what it handles.
 */
export class InvalidTransition extends TandemError {
  constructor(message, state, allowed) {
    super("invalid_transition", message);
    this.name = "InvalidTransition";
    this.state = state;
    this.allowed = Object.freeze([...(allowed || [])]);
  }
}

/** The error a server's error frame stands for: InvalidTransition for its code, else a TandemError. */
function serverError(m) {
  return m.code === "invalid_transition" ? new InvalidTransition(m.message, m.state, m.allowed)
    : new TandemError(m.code, m.message);
}

const NO_STATE = Object.freeze({ allowed: Object.freeze([]), can: null, matches: () => false });

/**
 * What a state allows, computed from the type's generated descriptor with no round trip: the
 * transitions whose `from` holds the state field's value (in the descriptor's order), then the free
 * actions; a type without a machine allows all its actions. Without a state (before the first
 * snapshot) nothing is allowed.
 */
export function machineView(type, state) {
  const can = {};
  for (const name of type.actions || []) {
    can[name] = false;
  }
  if (state === undefined || state === null) {
    return Object.freeze({ ...NO_STATE, can: Object.freeze(can) });
  }
  const machine = type.machine;
  const current = machine ? state[machine.field] : undefined;
  const allowed = [];
  const add = name => { if (!allowed.includes(name)) allowed.push(name); };
  if (machine) {
    machine.transitions.filter(t => t.from.includes(current)).forEach(t => add(t.action));
    machine.free.forEach(add);
  } else {
    (type.actions || []).forEach(add);
  }
  allowed.forEach(name => { can[name] = true; });
  return Object.freeze({
    allowed: Object.freeze(allowed),
    can: Object.freeze(can),
    matches: s => Boolean(machine) && current === s,
  });
}

const PERMANENT_CLOSE = new Set([4400, 4403, 4404]);
const CLOSE_CODES = { 4400: "bad_request", 4403: "rejected", 4404: "not_found", 4429: "unavailable", 4500: "internal", 4503: "unavailable" };
const DEFAULTS = { minDelay: 250, maxDelay: 10000, callTimeout: 15000, maxQueued: 100, connectTimeout: 15000,
  heartbeatInterval: 20000, heartbeatTimeout: 45000 };

/**
 * Connects to one live-object instance.
 * Resolves once the first snapshot has arrived; rejects if the server refuses the connection.
 */
export function connect(type, id, options = {}) {
  const handle = new LiveHandle(type, String(id), options);
  return handle._start();
}

class LiveHandle {
  constructor(type, id, options) {
    if (!type || typeof type.type !== "string") {
      throw new TypeError("connect(type, id, options): type must be a generated descriptor, like connect(Counter, 'lobby')");
    }
    this._type = type;
    this._id = id;
    this._options = { ...DEFAULTS, ...options };
    this._WebSocket = options.WebSocket || globalThis.WebSocket;
    if (!this._WebSocket) {
      throw new TypeError("no WebSocket implementation: pass options.WebSocket (in Node 20: import WebSocket from 'ws')");
    }
    const base = baseUrl(options.url);
    this._url = base + "/tandem/ws/" + encodeURIComponent(type.type) + "/" + encodeURIComponent(id);
    this._server = serverOf(base); // credentials are per server: one server's is never shown to another
    this._session = options.session || storedSession(this._server);
    this._client = randomId();
    this._nextCall = 1;
    this._pending = new Map(); // call id -> { action, args, resolve, reject, sent, result, timer }
    this._queue = []; // call ids waiting for the connection
    this._stateListeners = new Set();
    this._statusListeners = new Set();
    this._errorListeners = new Set();
    this._state = undefined;
    this._revision = -1;
    this._epoch = null;
    this._status = "connecting";
    this._attempt = 0;
    this._socket = null;
    this._closed = false;
    this._retryTimer = null;
    this._heartbeatTimer = null;
    this._lastSent = 0; // Date.now() of the last message sent on the current socket
    this._lastReceived = 0; // ... and of the last one that arrived (or its opening)
    this._everOpen = false; // until the first snapshot, a failed attempt fails connect() instead of retrying
    this._socketError = null; // what the last socket's error event said (Node's `ws` tells; browsers don't)
    this._serverError = null; // an error message the server sent before the first snapshot
    this.connectionId = null;
    this.userId = null;
    this.actions = makeActions(type, this);
  }

  /** The state, replaced (never modified) on each change. */
  get state() {
    return this._state;
  }

  get revision() {
    return this._revision;
  }

  get status() {
    return this._status;
  }

  get id() {
    return this._id;
  }

  get allowed() {
    return this._machineView().allowed;
  }

  get can() {
    return this._machineView().can;
  }

  matches(state) {
    return this._machineView().matches(state);
  }

  /** The view of the current state, recomputed only when the state object changes. */
  _machineView() {
    if (!this._view || this._viewOf !== this._state) {
      this._view = machineView(this._type, this._state);
      this._viewOf = this._state;
    }
    return this._view;
  }

  subscribe(listener) {
    this._stateListeners.add(listener);
    return () => this._stateListeners.delete(listener);
  }

  onStatus(listener) {
    this._statusListeners.add(listener);
    return () => this._statusListeners.delete(listener);
  }

  onError(listener) {
    this._errorListeners.add(listener);
    return () => this._errorListeners.delete(listener);
  }

  call(action, args) {
    if (this._closed) {
      return Promise.reject(new TandemError("closed", "the connection is closed"));
    }
    return new Promise((resolve, reject) => {
      const id = this._nextCall++;
      const call = { action, args, resolve, reject, sent: false, result: undefined, timer: null };
      call.timer = setTimeout(() => this._fail(id, new TandemError("timeout",
          "no answer within " + this._options.callTimeout + " ms; the call may still have run")), this._options.callTimeout);
      this._pending.set(id, call);
      if (this._status === "open") {
        this._send(id);
      } else if (this._queue.length >= this._options.maxQueued) {
        this._fail(id, new TandemError("unavailable", "more than " + this._options.maxQueued
            + " calls are waiting for the connection; try again once it is back"));
      } else {
        this._queue.push(id);
      }
    });
  }

  close() {
    if (this._closed) {
      return;
    }
    this._closed = true;
    this._releaseIssue();
    clearTimeout(this._retryTimer);
    clearInterval(this._heartbeatTimer);
    if (this._socket) {
      this._socket.close(1000, "closed by the client");
      this._socket = null;
    }
    for (const id of [...this._pending.keys()]) {
      this._fail(id, new TandemError("closed", "the connection was closed before the call was answered"));
    }
    this._setStatus("closed");
    this._stateListeners.clear();
    this._errorListeners.clear();
    this._statusListeners.clear();
  }

  _start() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        this.close();
        reject(new TandemError("timeout", "no snapshot from " + this._url + " within " + this._options.connectTimeout + " ms"));
      }, this._options.connectTimeout);
      const offStatus = this.onStatus(status => {
        if (status === "open") {
          off();
          resolve(this);
        } else if (status === "closed") {
          off();
          reject(this._closeError || new TandemError("closed", "the connection was closed"));
        }
      });
      const off = () => {
        clearTimeout(timer);
        offStatus();
      };
      this._open();
    });
  }

  _open() {
    if (!this._options.session) {
      this._session = storedSession(this._server) || this._session; // another connection may have got one meanwhile
      const pending = pendingIssues.get(this._server);
      if (!this._session && pending && pending.owner !== this) {
        // another connection is getting this page's credential for this server: wait, so that both are one user
        pending.promise.then(() => {
          if (!this._closed && this._socket === null) {
            this._open();
          }
        });
        return;
      }
      if (!this._session && !pending) {
        let resolve;
        const promise = new Promise(r => { resolve = r; });
        pendingIssues.set(this._server, { promise, resolve, owner: this });
      }
    }
    const params = new URLSearchParams({ client: this._client });
    if (this._session) {
      params.set("session", this._session); // browsers can't set a WebSocket's headers; the server never logs it
    }
    for (const [name, value] of Object.entries(this._options.attributes || {})) {
      params.set(name, String(value));
    }
    if (this._epoch !== null) {
      params.set("rev", String(this._revision));
      params.set("epoch", this._epoch);
    }
    const socket = new this._WebSocket(this._url + "?" + params.toString());
    this._socket = socket;
    this._startHeartbeat(socket);
    socket.onmessage = event => {
      if (socket === this._socket) {
        this._lastReceived = Date.now();
        this._onMessage(typeof event.data === "string" ? event.data : new TextDecoder().decode(event.data));
      }
    };
    socket.onclose = event => {
      if (socket === this._socket) {
        this._onClose(event.code, event.reason);
      }
    };
    socket.onerror = event => {
      if (socket === this._socket) {
        this._socketError = event && event.error ? event.error : null; // a close event follows
      }
    };
    if (typeof socket.on === "function") {
      socket.on("ping", () => { this._lastReceived = Date.now(); }); // Node's `ws` shows the server's ping frames
    }
  }

  /**
   * Sends a ping when nothing was sent for heartbeatInterval; when nothing at all arrived for
   * heartbeatTimeout, the connection is dead (a silent network drop): close it and reconnect. Until
   * the socket has its snapshot, it may stay silent for connectTimeout.
   */
  _startHeartbeat(socket) {
    clearInterval(this._heartbeatTimer);
    const { heartbeatInterval, heartbeatTimeout, connectTimeout } = this._options;
    this._lastSent = this._lastReceived = Date.now();
    this._live = false;
    this._heartbeatTimer = setInterval(() => {
      if (socket !== this._socket) {
        return;
      }
      const now = Date.now();
      const limit = this._live ? heartbeatTimeout : Math.max(heartbeatTimeout, connectTimeout);
      if (now - this._lastReceived >= limit) {
        this._drop(4000, "nothing arrived within " + limit + " ms", false);
      } else if (socket.readyState === 1 && now - this._lastSent >= heartbeatInterval) {
        this._sendText(JSON.stringify({ type: "ping" }));
      }
    }, Math.max(5, Math.min(heartbeatInterval, heartbeatTimeout) / 4));
  }

  _onMessage(text) {
    let m;
    try {
      m = JSON.parse(text);
    } catch (e) {
      this._emitError(new TandemError("bad_request", "the server sent something that is not JSON"));
      return;
    }
    switch (m.type) {
      case "snapshot":
        this._epoch = m.epoch;
        this._revision = m.rev;
        this.connectionId = m.connectionId;
        this.userId = m.userId;
        this._releaseIssue(); // a logged-in user gets no credential
        this._setState(m.state);
        this._ready();
        break;
      case "resumed":
        this._ready();
        break;
      case "session":
        // a credential the server issued to this connection: the secret that makes later connections the same user
        this._session = m.session;
        if (!this._options.session) {
          storeSession(this._server, m.session);
        }
        this._releaseIssue();
        if (typeof this._options.onSession === "function") {
          this._options.onSession(m.session);
        }
        break;
      case "patch":
        if (m.rev !== this._revision + 1) {
          this._resync(); // a gap can't be repaired with patches: start over from a snapshot
          return;
        }
        this._applyOps(m.rev, m.ops);
        break;
      case "result":
        this._onResult(m);
        break;
      case "error":
        if (m.id !== undefined && this._pending.has(m.id)) {
          this._fail(m.id, serverError(m));
        } else if (!this._everOpen) {
          this._serverError = new TandemError(m.code, m.message); // the refusal's reason; its close follows
        } else {
          this._emitError(new TandemError(m.code, m.message));
        }
        break;
      default:
        break;
    }
  }

  _onResult(m) {
    // The caller's own patch comes inside its result. It applies only on top of the revision before
    // it: after a resync the snapshot (or resumed patches) already hold it, or will.
    if (m.ops !== undefined && m.rev === this._revision + 1 && !this._applyOps(m.rev, m.ops)) {
      return; // resyncing; the call is sent again once the fresh snapshot is in
    }
    const call = this._pending.get(m.id);
    if (!call) {
      return;
    }
    call.result = m;
    this._settleResults();
  }

  /**
   * Applies a revision's ops; one that does not apply means the local copy can't be trusted: keep
   * the last good state and resync. @returns whether it applied
   */
  _applyOps(rev, ops) {
    let next;
    try {
      next = applyPatch(this._state, ops);
    } catch (e) {
      this._resync();
      return false;
    }
    this._revision = rev;
    this._setState(next);
    return true;
  }

  /** Resolves calls whose turn the local state already includes. */
  _settleResults() {
    for (const [id, call] of this._pending) {
      if (call.result !== undefined && call.result.rev <= this._revision) {
        this._pending.delete(id);
        clearTimeout(call.timer);
        call.resolve(call.result.value);
      }
    }
  }

  _ready() {
    this._live = true;
    this._attempt = 0;
    this._everOpen = true;
    this._serverError = null;
    this._setStatus("open");
    // Calls sent before the drop and not answered are sent again with their IDs: the server
    // recognises them (same client) and answers without running them twice.
    for (const [id, call] of this._pending) {
      if (call.sent && call.result === undefined) {
        this._send(id);
      }
    }
    const queued = this._queue;
    this._queue = [];
    for (const id of queued) {
      if (this._pending.has(id)) {
        this._send(id);
      }
    }
    this._settleResults();
  }

  _send(id) {
    const call = this._pending.get(id);
    call.sent = true;
    this._sendText(JSON.stringify({ type: "call", id, action: call.action, args: call.args }));
  }

  _sendText(text) {
    this._lastSent = Date.now();
    this._socket.send(text);
  }

  /** Lets connections that waited for this one's credential go ahead (with it, or to try themselves). */
  _releaseIssue() {
    const pending = pendingIssues.get(this._server);
    if (pending && pending.owner === this) {
      pendingIssues.delete(this._server);
      pending.resolve();
    }
  }

  _onClose(code, reason) {
    this._socket = null;
    this._releaseIssue();
    clearInterval(this._heartbeatTimer);
    if (this._closed) {
      return;
    }
    if (PERMANENT_CLOSE.has(code) || !this._everOpen) {
      this._closeError = this._refusal(code, reason);
      this.close();
      return;
    }
    this._setStatus(this._status === "connecting" && this._revision < 0 ? "connecting" : "reconnecting");
    const delay = Math.min(this._options.maxDelay, this._options.minDelay * 2 ** this._attempt);
    this._attempt++;
    this._retryTimer = setTimeout(() => this._open(), delay * (0.5 + Math.random() * 0.5));
  }

  /** Why a socket closed before it could be used: the server's explanation, or what the socket saw. */
  _refusal(code, reason) {
    if (this._serverError) {
      return this._serverError;
    }
    if (CLOSE_CODES[code]) {
      return new TandemError(CLOSE_CODES[code], reason || "refused by the server (" + code + ")");
    }
    const error = this._socketError;
    if (error && error.code === "ECONNREFUSED") {
      return new TandemError("connection_failed", "connection refused: nothing listens at " + this._url
          + " (is the server running, and is the port right?)");
    }
    if (code === 1006) {
      return new TandemError("connection_failed", "could not connect to " + this._url + ": "
          + (error && error.message ? error.message
            : "the socket failed before it opened (the server is down, the port is wrong, or the server refused the WebSocket)"));
    }
    return new TandemError("connection_failed", "the socket to " + this._url + " closed with code " + code
        + (reason ? " (" + reason + ")" : "") + " before the first snapshot");
  }

  _resync() {
    this._drop(1000, "resync", true);
  }

  /** Ends the current socket and reconnects: with resume, or (resync) without, for a fresh snapshot. */
  _drop(code, reason, resync) {
    if (resync) {
      this._epoch = null; // no resume: the next connection starts with a snapshot
    }
    if (this._socket) {
      const socket = this._socket;
      this._socket = null;
      if (typeof socket.terminate === "function" && !resync) {
        socket.terminate(); // Node's `ws`: a dead peer would never answer the close handshake
      } else {
        socket.close(code, reason);
      }
      this._onClose(code, reason);
    }
  }

  _fail(id, error) {
    const call = this._pending.get(id);
    if (!call) {
      return;
    }
    this._pending.delete(id);
    clearTimeout(call.timer);
    this._queue = this._queue.filter(q => q !== id);
    call.reject(error);
  }

  _setState(state) {
    this._state = state;
    for (const listener of [...this._stateListeners]) {
      listener(state);
    }
    this._settleResults();
  }

  _setStatus(status) {
    if (this._status === status) {
      return;
    }
    this._status = status;
    for (const listener of [...this._statusListeners]) {
      listener(status);
    }
  }

  _emitError(error) {
    if (this._errorListeners.size === 0) {
      console.warn("tandem:", error.code, error.message);
    }
    for (const listener of [...this._errorListeners]) {
      listener(error);
    }
  }
}

function makeActions(type, handle) {
  const actions = {};
  for (const name of type.actions || []) {
    actions[name] = (...args) => handle.call(name, args);
  }
  return Object.freeze(actions);
}

/**
 * Applies a JSON Patch (RFC 6902: add, remove, replace) without modifying `root`: every object
 * and array on the path of a change is copied, everything else is shared, so unchanged parts
 * keep their identity (UI libraries can compare by reference). A patch that does not apply (a
 * missing member, an index out of range, an unknown op) throws a TandemError `bad_patch`; the
 * cases it must agree on with the server are in docs/conformance/patches.json.
 */
export function applyPatch(root, ops) {
  if (!Array.isArray(ops)) {
    throw new TandemError("bad_patch", "a patch is an array of operations");
  }
  let result = root;
  for (const op of ops) {
    result = applyOp(result, op);
  }
  return result;
}

const hasOwn = (o, key) => Object.prototype.hasOwnProperty.call(o, key);

function badPatch(op, why) {
  return new TandemError("bad_patch", "the patch does not apply: " + JSON.stringify(op) + ": " + why);
}

function applyOp(root, op) {
  if (op === null || typeof op !== "object" || !["add", "remove", "replace"].includes(op.op)) {
    throw badPatch(op, "the op is not add, remove or replace");
  }
  if (op.op !== "remove" && !hasOwn(op, "value")) {
    throw badPatch(op, "it has no value");
  }
  if (typeof op.path !== "string" || (op.path !== "" && op.path[0] !== "/")) {
    throw badPatch(op, "the path is not a JSON Pointer");
  }
  const path = parsePointer(op.path);
  if (path.length === 0) {
    if (op.op === "remove" || op.value === null || typeof op.value !== "object" || Array.isArray(op.value)) {
      throw badPatch(op, "the state must stay an object");
    }
    return op.value;
  }
  return update(root, path, 0, op);
}

function update(node, path, i, op) {
  const key = path[i];
  const last = i === path.length - 1;
  const adding = last && op.op === "add";
  if (Array.isArray(node)) {
    const index = arrayIndex(key, node.length, adding, op);
    const copy = node.slice();
    if (!last) {
      copy[index] = update(node[index], path, i + 1, op);
    } else if (op.op === "add") {
      copy.splice(index, 0, op.value);
    } else if (op.op === "remove") {
      copy.splice(index, 1);
    } else {
      copy[index] = op.value;
    }
    return copy;
  }
  if (node === null || typeof node !== "object") {
    throw badPatch(op, "'" + key + "' is below " + (node === undefined ? "a missing value" : JSON.stringify(node)));
  }
  if (!adding && !hasOwn(node, key)) {
    throw badPatch(op, "there is no member '" + key + "'");
  }
  const copy = { ...node }; // spreading copies an own "__proto__" key as a key
  if (!last) {
    setMember(copy, key, update(node[key], path, i + 1, op));
  } else if (op.op === "remove") {
    delete copy[key];
  } else {
    setMember(copy, key, op.value);
  }
  return copy;
}

/** Sets an own member; plain assignment of "__proto__" would set the prototype and lose the key. */
function setMember(object, key, value) {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** An array index: digits without a leading zero, below the length ("-" and the length itself only to add). */
function arrayIndex(key, length, adding, op) {
  if (adding && key === "-") {
    return length;
  }
  if (!/^(0|[1-9][0-9]{0,8})$/.test(key)) {
    throw badPatch(op, "'" + key + "' is not an array index");
  }
  const index = Number(key);
  if (index > length || (index === length && !adding)) {
    throw badPatch(op, "index " + index + " is out of range (the array has " + length + " elements)");
  }
  return index;
}

function parsePointer(pointer) {
  if (pointer === "") {
    return [];
  }
  return pointer.slice(1).split("/").map(s => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function baseUrl(url) {
  if (url) {
    return String(url).replace(/^http/, "ws").replace(/\/+$/, "");
  }
  if (globalThis.location && globalThis.location.host) {
    return (globalThis.location.protocol === "https:" ? "wss://" : "ws://") + globalThis.location.host;
  }
  throw new TypeError("options.url is required outside a browser, like { url: 'ws://127.0.0.1:8080' }");
}

function randomId() {
  if (globalThis.crypto && globalThis.crypto.randomUUID) {
    return globalThis.crypto.randomUUID();
  }
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

/** Per server (see serverOf): the credential this process keeps. */
const processSessions = new Map();
/** Per server, while a connection without a credential waits for the server's: { promise, resolve, owner }. */
const pendingIssues = new Map();
const STORAGE_KEY = "tandem.session";

/**
 * Which server a credential belongs to: its host and port (ws and wss alike). A page's own server
 * is "" so its credential is simply `tandem.session` in local storage; another server's is
 * `tandem.session <host:port>`, so no server ever sees a credential another one issued.
 */
function serverOf(base) {
  const host = base.replace(/^wss?:\/\//, "").split("/")[0].toLowerCase();
  const own = globalThis.location && globalThis.location.host ? globalThis.location.host.toLowerCase() : null;
  return host === own ? "" : host;
}

function storageKey(server) {
  return server === "" ? STORAGE_KEY : STORAGE_KEY + " " + server;
}

/**
 * The session credential this page or process keeps for a server: a browser keeps it in local
 * storage, so a reload is the same user; Node keeps it in memory for the process. Null until the
 * server issued one.
 */
function storedSession(server) {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      return storage.getItem(storageKey(server));
    }
  } catch (e) {
    // storage may be blocked; fall through
  }
  return processSessions.get(server) || null;
}

function storeSession(server, session) {
  processSessions.set(server, session);
  try {
    globalThis.localStorage?.setItem(storageKey(server), session);
  } catch (e) {
    // storage may be blocked: the credential lasts as long as the page
  }
}
