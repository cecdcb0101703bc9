// Socket.IO with our auth; shows the connection state in #conn.
import { io } from "/vendor/socket.io.esm.min.js";
import { lang, t } from "./common.js";

export function connect(auth) {
  const socket = io({ auth: { ...auth, lang: lang() }, transports: ["websocket", "polling"], autoConnect: false });
  // Connect once every module of the page has run (module scripts all run
  // before DOMContentLoaded): the methods' scripts run after the page's own,
  // and a first `state` arriving before they had registered their views and
  // listeners was lost until the next change. `load` covers a page whose
  // DOMContentLoaded has already passed.
  let started = false;
  const start = () => { if (!started) { started = true; socket.connect(); } };
  if (document.readyState === "complete") start();
  else {
    document.addEventListener("DOMContentLoaded", start, { once: true });
    window.addEventListener("load", start, { once: true });
  }
  const conn = document.getElementById("conn");
  const show = (text, ok) => {
    if (!conn) return;
    conn.textContent = text;
    conn.classList.toggle("bad", !ok);
  };
  socket.on("connect", () => show(t("online"), true));
  socket.on("disconnect", () => show(t("offline"), false));
  socket.on("connect_error", (err) => show(t("refused", { error: err.message }), false));
  return socket;
}
