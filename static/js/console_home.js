// Organiser's home: sign in with the admin token, create and list workshops.
import { api, el, showError } from "./common.js";

const $ = (id) => document.getElementById(id);
const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
if (fromHash) { localStorage.setItem("admin-token", fromHash); history.replaceState(null, "", location.pathname + location.search); }
let token = localStorage.getItem("admin-token");

async function load() {
  try {
    const { workshops } = await api("GET", "/api/workshops", token);
    $("token-form").hidden = true;
    $("create").hidden = $("archive").hidden = false;
    $("workshops").replaceChildren(...workshops.map(row));
    showError($("error"), null);
  } catch (err) {
    $("token-form").hidden = false;
    if (token) showError($("error"), err);
  }
}

function row(w) {
  const tr = el("tr");
  const td = (text) => tr.appendChild(el("td", {}, text));
  const title = tr.appendChild(el("td"));
  const link = title.appendChild(el("a", { href: "#" }, w.title));
  link.addEventListener("click", async (e) => {
    e.preventDefault();
    const full = await api("GET", `/api/workshops/${w.id}`, token);
    location.href = full.facilitator_url.replace(/^https?:\/\/[^/]+/, "");
  });
  td(w.created_at.slice(0, 10));
  td(w.code);
  td(String(w.participants));
  td(String(w.statements));
  tr.appendChild(el("td"));
  return tr;
}

$("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  token = $("token").value.trim();
  localStorage.setItem("admin-token", token);
  load();
});

$("create-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const w = await api("POST", "/api/workshops", token, { title: $("title").value, language: $("language").value });
    location.href = w.facilitator_url.replace(/^https?:\/\/[^/]+/, "");
  } catch (err) { showError($("error"), err); }
});

load();
