// /projector without a key: a code, big, for the facilitator to type into
// the console. The page asks twice a second; once paired it has a session
// (a cookie) and goes to the workshop's projector.
import { api, showError } from "./common.js";

const $ = (id) => document.getElementById(id);
const POLL_MS = 500;

async function poll() {
  try {
    const data = await api("POST", "/projector/pairing");
    if (data.next) { location.replace(data.next); return; }
    $("pairing-code").textContent = data.code;
    showError($("error"), null);
  } catch (err) { showError($("error"), err); }
  setTimeout(poll, POLL_MS);
}

poll();
