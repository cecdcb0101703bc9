// Socket.IO with our auth; shows the connection state in #conn.
import { io } from "/vendor/socket.io.esm.min.js";
import { lang, t } from "./common.js";

// options go to io(): {autoConnect: false} lets a page connect once all of
// its modules have registered their handlers.
export function connect(auth, options = {}) {
  const socket = io({ auth: { ...auth, lang: lang() }, transports: ["websocket", "polling"], ...options });
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
