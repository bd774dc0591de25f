// The payment page: sign in (demo accounts), create a payment, and decide it together. Buttons are
// enabled by what the server says, never by rules copied here: `payment.can.<action>` (the state
// machine, known to the client without a round trip) and `state.you.may` (what the server's
// @AllowWrite rule allows this viewer).
import { Payment, InvalidTransition } from "/tandem/client.js";
import { act, instanceId, open, toast } from "/app.js";
import { drawMachine, label } from "/machine-diagram.js";

const $ = selector => document.querySelector(selector);

function showSignIn(me) {
  $("#sign-in").hidden = Boolean(me.user);
  $("#who").hidden = !me.user;
  $("#me-name").textContent = me.user ? `${me.name} (${me.roles.join(", ")})` : "";
  $("#account").replaceChildren(...me.accounts.map(a => new Option(`${a.name} · ${a.roles.join(", ")}`, a.username)));
  $("#sign-in-form").onsubmit = async e => {
    e.preventDefault();
    const form = e.target.elements;
    const r = await fetch("/login", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: form.username.value, password: form.password.value }) });
    if (r.ok) {
      location.reload(); // the new cookie goes with the next WebSocket handshake
    } else {
      toast("Wrong password for " + form.username.value + ": the demo password is in application.yml");
    }
  };
  $("#sign-out").onclick = async () => {
    await fetch("/logout", { method: "POST" });
    location.reload();
  };
}

/** 16 random characters (about 82 bits) from the browser's cryptographic generator: an ID nobody guesses. */
function newId() {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => alphabet[b % alphabet.length]).join("");
}

function recent() {
  return JSON.parse(localStorage.getItem("tandem.sample.payments") || "[]");
}

function showNewPayment() {
  $("#new").hidden = false;
  const list = recent();
  $("#recent-box").hidden = list.length === 0;
  $("#recent").replaceChildren(...list.map(p => {
    const li = document.createElement("li");
    li.innerHTML = `<a></a> <span class="muted"></span>`;
    li.firstChild.href = "?id=" + encodeURIComponent(p.id);
    li.firstChild.textContent = p.description;
    li.lastChild.textContent = `${p.amount} ${p.currency}`;
    return li;
  }));
  $("#new-form").onsubmit = async e => {
    e.preventDefault();
    const f = e.target.elements;
    const next = "pay-" + newId();
    $("#submit").disabled = true;
    try {
      const payment = await open(Payment, next);
      const done = await act(payment.actions.submit(f.amount.value, f.currency.value, f.description.value).then(() => true));
      payment.close();
      if (done) {
        localStorage.setItem("tandem.sample.payments", JSON.stringify([{ id: next, amount: f.amount.value,
          currency: f.currency.value, description: f.description.value }, ...recent()].slice(0, 5)));
        location.search = "?id=" + next;
      }
    } finally {
      $("#submit").disabled = false;
    }
  };
}

async function showPayment(id) {
  $("#payment").hidden = false;
  $("#link").value = location.href;
  $("#copy").onclick = () => navigator.clipboard?.writeText(location.href).then(() => toast("Link copied"));
  const [model, mermaid, payment] = await Promise.all([
    fetch("/tandem/types/payment/model").then(r => r.json()),
    fetch("/tandem/types/payment/diagram").then(r => r.text()),
    open(Payment, id),
  ]);
  window.payment = payment; // for trying things from the console
  $("#mermaid").textContent = mermaid;
  const refusal = e => e instanceof InvalidTransition
      ? `Refused: this payment is ${label(e.state)} now; allowed: ${e.allowed.length ? e.allowed.join(", ") : "nothing"}`
      : e.message;
  const run = call => act(call().catch(e => { throw new Error(refusal(e)); }));
  $("#approve").onclick = () => run(() => payment.actions.approve());
  $("#reject").onclick = () => run(() => payment.actions.reject($("#reason").value));
  $("#cancel").onclick = () => run(() => payment.actions.cancel());
  const narrow = matchMedia("(max-width: 640px)");
  const render = () => renderPayment(payment, model.machine);
  narrow.onchange = render;
  payment.subscribe(render);
  render();
  setInterval(() => countdown(payment.state), 250);
}

function money(s) {
  return s.amount === null ? "" : `${Number(s.amount).toLocaleString("en", { minimumFractionDigits: 2 })} ${s.currency}`;
}

const MESSAGES = {
  DRAFT: "Not submitted yet.",
  AWAITING_APPROVAL: "Waiting for an approver.",
  AWAITING_ADMIN: "Approved once; a large amount also needs an admin's approval.",
  APPROVED: "Approved.", REJECTED: "Rejected.", EXPIRED: "Expired: nobody decided in time.", CANCELLED: "Withdrawn by the requester.",
};

function renderPayment(payment, machine) {
  const s = payment.state;
  $("#amount").textContent = money(s);
  $("#description").textContent = s.description || "";
  $("#requested").textContent = s.requester ? `Requested by ${s.requesterName}` : "";
  $("#state").textContent = label(s.status);
  $("#state").dataset.state = s.status;
  $("#message").textContent = MESSAGES[s.status];
  for (const action of ["approve", "reject", "cancel"]) {
    const enabled = payment.can[action] && s.you.may.includes(action);
    $("#" + action).disabled = !enabled;
    $("#" + action).hidden = !payment.can[action]; // what the state offers; who may is the server's answer
  }
  $("#reason").hidden = $("#reject").hidden;
  $("#reason").disabled = $("#reject").disabled;
  const ways = drawMachine($("#diagram"), machine, s.status, matchMedia("(max-width: 640px)").matches);
  $("#ways").textContent = ways.length ? "From here: " + ways.join(" · ") : "A final state: nothing leads out.";
  $("#log").replaceChildren(...s.log.map(step => {
    const li = document.createElement("li");
    li.dataset.what = step.what;
    const time = new Date(step.at).toLocaleTimeString("en-GB");
    li.innerHTML = `<span class="dot"></span><div><strong></strong> <span class="by"></span><div class="muted"></div></div>`;
    li.querySelector("strong").textContent = step.what[0].toUpperCase() + step.what.slice(1);
    li.querySelector(".by").textContent = step.by ? `by ${step.name} (${step.role})` : `by the ${step.role}`;
    li.querySelector(".muted").textContent = time + (step.note ? " · " + step.note : "");
    return li;
  }));
  countdown(s);
}

function countdown(s) {
  const el = $("#countdown");
  el.hidden = !s.expiresAt;
  if (s.expiresAt) {
    const left = Math.max(0, Math.ceil((Date.parse(s.expiresAt) - Date.now()) / 1000));
    el.textContent = `Expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    el.classList.toggle("soon", left <= 30);
  }
}

const id = instanceId(null);
const me = await (await fetch("/demo/me")).json();
showSignIn(me);
if (!me.user) {
  // Payments are for signed-in people only (the class's @AllowRead): connect to none before sign-in.
  $("#signed-out").hidden = false;
} else if (id) {
  await showPayment(id);
} else {
  showNewPayment();
}
