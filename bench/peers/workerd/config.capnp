# workerd configuration of the Durable Object peer. The start script sets the port
# (--socket-addr http=127.0.0.1:PORT) and the storage folder (--directory-path do-storage=DIR).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .counterWorker),
    (name = "do-storage", disk = (path = "/tmp/tandem-bench-workerd", writable = true)),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const counterWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-06-01",
  durableObjectNamespaces = [
    (className = "StoredCounter", uniqueKey = "tandem-bench-stored-counter", enableSql = true),
    (className = "LiveCounter", uniqueKey = "tandem-bench-live-counter", enableSql = true),
  ],
  durableObjectStorage = (localDisk = "do-storage"),
  bindings = [
    (name = "STORED", durableObjectNamespace = "StoredCounter"),
    (name = "LIVE", durableObjectNamespace = "LiveCounter"),
  ],
);
