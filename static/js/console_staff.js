// The console's staff panel (facilitator and organiser): invites with a role
// (a link and its QR code), the staff signed in (role, name, last seen,
// online) with revoke, and pairing a projector by the code it shows.
import { el, lang, liveRender, say, t } from "./common.js";
import { request } from "./console.js";

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 3000;
const ROLE = { facilitator: "role_facilitator", minute_taker: "role_minute_taker", projector: "role_projector", admin: "role_admin", adjuster: "role_adjuster" };

// The server's QR code (render/qr.py): SVG made by us from the link alone.
function qrNode(svg) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  return document.importNode(doc.documentElement, true);
}

$("invite-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const made = await request("POST", "/invites", {
      role: $("invite-role").value, name: $("invite-name").value, once: $("invite-once").checked,
    });
    $("invite-url").value = made.url;
    $("invite-qr").replaceChildren(qrNode(made.qr));
    $("invite-made").hidden = false;
    $("invite-name").value = "";
    refresh();
  } catch (err) { showStaffError(err); }
});

$("pair-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    await request("POST", "/projectors", { code: $("pair-code").value });
    $("pair-code").value = "";
    say($("pair-status"), t("projector_paired"), { fade: true });
    setTimeout(refresh, 1000);
  } catch (err) { say($("pair-status"), err.message, { bad: true }); }
});

function showStaffError(err) {
  say($("pair-status"), "");
  $("staff-rows").replaceChildren(el("tr", {}, "")).firstChild.append(el("td", { colspan: 5, class: "error" }, err.message));
}

const seen = (at) => new Date(at).toLocaleTimeString(lang(), { hour: "2-digit", minute: "2-digit" });

function row(item, invite) {
  const tr = el("tr", { "data-staff": item.id });
  tr.append(el("td", {}, t(ROLE[item.role] || item.role)));
  tr.append(el("td", {}, item.name || "–"));
  tr.append(el("td", {}, invite ? t("staff_invite_open") : seen(item.last_seen)));
  tr.append(el("td", {}, item.online ? t("staff_online") : t("staff_offline")));
  const cell = tr.appendChild(el("td"));
  if (!item.you) {
    const label = t(invite ? "staff_revoke_invite" : "staff_revoke", { name: item.name || t(ROLE[item.role]) });
    const b = cell.appendChild(el("button", { type: "button", class: "secondary", "data-key": `revoke-${item.id}`,
      "aria-label": label }, t("staff_revoke_short")));
    b.addEventListener("click", async () => {
      try { await request("DELETE", `/staff/${encodeURIComponent(item.id)}`); refresh(); } catch (err) { showStaffError(err); }
    });
  }
  return tr;
}

let timer = null;
async function refresh() {
  clearTimeout(timer);
  try {
    const { sessions, invites } = await request("GET", "/staff");
    liveRender($("staff-rows"), () => [...sessions.map((s) => row(s, false)), ...invites.map((i) => row(i, true))]);
  } catch (err) {
    if (err.status === 403) return; // a minute-taker: not theirs to manage (and hidden)
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

refresh();
