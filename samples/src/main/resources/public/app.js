// Helpers the sample pages share: who you are, which instance, the connection status, messages.
import { connect } from "/tandem/client.js";

const ANIMALS = ["Otter", "Heron", "Lynx", "Panda", "Koala", "Falcon", "Badger", "Marten", "Ibis", "Gecko"];
const COLORS = ["#4f46e5", "#e04f5f", "#12b76a", "#f79009", "#0ea5e9", "#a855f7", "#ec4899", "#14b8a6"];

/** Your display name and colour, kept in this browser. */
export function me() {
  let name = localStorage.getItem("tandem.sample.name");
  if (!name) {
    name = ANIMALS[Math.floor(Math.random() * ANIMALS.length)] + " " + Math.floor(Math.random() * 90 + 10);
    localStorage.setItem("tandem.sample.name", name);
  }
  let color = localStorage.getItem("tandem.sample.color");
  if (!color) {
    color = COLORS[Math.floor(Math.random() * COLORS.length)];
    localStorage.setItem("tandem.sample.color", color);
  }
  return { name, color };
}

/** The instance ID from the page's URL (?id=...), or the fallback. */
export function instanceId(fallback) {
  return new URLSearchParams(location.search).get("id") || fallback;
}

/** Wires the header's room form: submitting it opens the same page on another instance. */
function roomForm(id) {
  const form = document.querySelector("#room");
  if (!form) {
    return;
  }
  form.elements.id.value = id;
  form.addEventListener("submit", e => {
    e.preventDefault();
    const next = form.elements.id.value.trim();
    if (next) {
      location.search = "?id=" + encodeURIComponent(next);
    }
  });
}

/** Shows a short message at the bottom of the page, until a later success or for 3 s. */
export function toast(message) {
  let el = document.querySelector(".toast");
  if (!el) {
    el = document.createElement("div");
    el.className = "toast";
    el.setAttribute("role", "status");
    document.body.append(el);
  }
  el.textContent = message;
  el.classList.add("show");
  clearTimeout(el.timer);
  el.timer = setTimeout(hideToast, 3000);
}

/** Hides the message, so that an old error doesn't stay over a later success. */
export function hideToast() {
  document.querySelector(".toast")?.classList.remove("show");
}

const STATUS_TEXT = { connecting: "connecting…", open: "connected", reconnecting: "reconnecting…", closed: "disconnected" };

/**
 * Shows the connection status in the header's badge, and disables the page's controls (those in a
 * <fieldset class="live">) while the connection is not open, so a click can't seem to do nothing.
 */
function showStatus(status) {
  const el = document.querySelector("#status");
  if (el) {
    el.dataset.status = status;
    el.textContent = STATUS_TEXT[status] || status;
  }
  document.body.dataset.status = status;
  for (const controls of document.querySelectorAll("fieldset.live")) {
    controls.disabled = status !== "open";
  }
}

/**
 * Connects the page to an instance of a type, with your name and colour as connection
 * attributes, and keeps the status badge up to date. Who you are to the server is not the name:
 * it is the session credential the client module keeps in local storage ("tandem.session", issued
 * by the server on the first visit), so a reload is the same user. The name and colour are display
 * hints anyone can set; the samples decide nothing by them.
 */
export async function open(type, fallbackId) {
  const id = instanceId(fallbackId);
  roomForm(id);
  const who = me();
  const you = document.querySelector("#you");
  if (you) {
    you.textContent = who.name;
  }
  showStatus("connecting");
  try {
    const object = await connect(type, id, { attributes: { name: who.name, color: who.color } });
    object.onStatus(showStatus);
    showStatus(object.status);
    object.onError(e => toast(e.message));
    return object;
  } catch (e) {
    showStatus("closed");
    toast(e.message);
    throw e;
  }
}

/**
 * Runs an action, showing its error (for example an ActionRejected message) if it fails, and
 * hiding an earlier error once it succeeds.
 */
export async function act(promise) {
  try {
    const result = await promise;
    hideToast();
    return result;
  } catch (e) {
    toast(e.message);
    return undefined;
  }
}
