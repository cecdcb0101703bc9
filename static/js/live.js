// Socket.IO with our auth, and the connection line (#conn) in our own words:
// never a transport's ("websocket error", "xhr poll error", "timeout").
import { io } from "/vendor/socket.io.esm.min.js";
import { lang, say, t } from "./common.js";

// Reconnecting, on purpose (docs/protocol.md): after a server restart a hall
// of phones must not knock all at once. The first try comes 0.75–2.25 s
// after the loss (1.5 s ± 50 %), each next one waits twice as long, at most
// 10 s; the random spread keeps the phones from moving in step.
export const RECONNECT = { reconnectionDelay: 1500, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 };

const conn = { text: "", ok: true, waiting: 0 };

function paintConn(saved = false) {
  const node = document.getElementById("conn");
  if (!node) return;
  const { text, ok, waiting } = conn;
  if (saved) say(node, `${text} · ${t("saved")}`, { fade: true, rest: text });
  else if (!ok && waiting) {
    say(node, `${text} · ${waiting === 1 ? t("pending_one") : t("pending_many", { count: waiting })}`, { bad: true });
  } else say(node, text, { bad: !ok });
}

function showConn(text, ok) {
  Object.assign(conn, { text, ok });
  // The page's styles may react (the console and the projector keep their
  // layout and mark what they show as not current); a phone's outbox waits.
  document.body.classList.toggle("offline", !ok);
  paintConn();
}

// The outbox's report (outbox.js): how many moves wait, and when they are in.
export function showWaiting({ waiting, saved }) {
  conn.waiting = waiting;
  paintConn(saved);
}

// options go to io(). By default the socket connects once every module of
// the page has run (module scripts all run before DOMContentLoaded): the
// methods' scripts run after the page's own, and a first `state` arriving
// before they had registered their views and listeners was lost until the
// next change; `load` covers a page whose DOMContentLoaded has already
// passed. {autoConnect: false}: the page calls socket.connect() itself.
export function connect(auth, options = {}) {
  const socket = io({
    auth: { ...auth, lang: lang() }, transports: ["websocket", "polling"], ...RECONNECT, ...options, autoConnect: false,
  });
  if (options.autoConnect !== false) afterPageScripts(() => socket.connect());
  let wasOnline = false;
  let restarting = false; // the server said it is stopping (SIGTERM): the drop is expected
  socket.on("connect", () => { wasOnline = true; restarting = false; showConn(t("online"), true); });
  socket.on("restarting", () => { restarting = true; });
  socket.on("disconnect", (reason) => {
    // "io server disconnect": the server closed it (the workshop was deleted); no retry.
    if (reason === "io server disconnect") showConn(t("disconnected"), false);
    else showConn(t(restarting ? "restarting" : "offline"), false);
  });
  socket.on("connect_error", (err) => {
    // socket.io-client 4.8: when our server refuses (a wrong code, a closed
    // workshop) the socket stops (inactive) and err.message is the server's
    // own translated text. Otherwise the transport failed and it tries again
    // by itself: the person reads our words.
    if (socket.active) showConn(t(wasOnline ? "offline" : "unreachable"), false);
    else showConn(t("refused", { error: err.message || t("error") }), false);
  });
  return socket;
}

function afterPageScripts(start) {
  let started = false;
  const once = () => { if (!started) { started = true; start(); } };
  if (document.readyState === "complete") once();
  else {
    document.addEventListener("DOMContentLoaded", once, { once: true });
    window.addEventListener("load", once, { once: true });
  }
}
