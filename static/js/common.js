// Shared helpers for every page. User text is only ever set with
// textContent (see el()), so it is escaped by construction.
// Nothing here touches the DOM or the network on import, so modules built on
// it (the Open Space helpers, say) can be tested under node --test.

let strings = null;

// The page's translated strings (the #strings JSON block), read on first use.
function table() {
  if (strings === null) {
    const node = globalThis.document?.getElementById("strings");
    strings = node ? JSON.parse(node.textContent) : {};
  }
  return strings;
}

// For tests and anything outside a page: use this table instead.
export function useStrings(values) {
  strings = values;
}

// "%(count)s joined" + {count: 3} -> "3 joined"
export function t(key, params = {}) {
  const text = table()[key] ?? key;
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(params[name] ?? ""));
}

export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  if (text != null) node.textContent = text;
  return node;
}

export function lang() {
  return globalThis.document?.documentElement.lang || "sv";
}

// A secret from the URL fragment (#key=... for a workshop's key, #token=...
// for the admin token), kept in this tab only (sessionStorage: reloads and
// the summary's way back to the console still have it) and taken out of the
// address bar and history, so it is not left on a projected screen, in
// bookmarks, in history or on a shared venue laptop after the tab is closed.
// Earlier versions kept them in localStorage for good: those are removed.
const keys = new Map(); // this page view, when storage is unavailable
export function secretFromFragment(param, name) {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get(param);
  if (fromHash) {
    keepSecret(name, fromHash);
    params.delete(param);
    const rest = params.toString();
    history.replaceState(history.state, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  }
  tabStorage(() => localStorage.removeItem(name));
  return keys.get(name) ?? tabStorage((s) => s.getItem(name)) ?? null;
}

export function keepSecret(name, value) {
  keys.set(name, value);
  tabStorage((s) => s.setItem(name, value));
}

export function keyFor(workshopId) {
  return secretFromFragment("key", `key:${workshopId}`);
}

// sessionStorage throws where storage is disabled; then the key lives in `keys`.
function tabStorage(use) {
  try { return use(sessionStorage); } catch { return undefined; }
}

// A signed-in browser's session travels in an HttpOnly cookie; what changes
// state must also carry the session's CSRF token (the page's <meta
// name="csrf-token">, or the one a sign-in just returned).
let csrf = null;
export function useCsrf(token) {
  csrf = token;
}
function csrfToken() {
  return csrf ?? globalThis.document?.querySelector('meta[name="csrf-token"]')?.content ?? null;
}

// `key`: sent as Bearer; without one the session cookie speaks (and the CSRF token).
// A refusal rejects with an Error whose `status` is the HTTP status.
// `contentType`: send `body` as it is (a CSV or text import), not as JSON.
export async function api(method, path, key, body, contentType) {
  const headers = {};
  if (key) headers.Authorization = `Bearer ${key}`;
  else if (csrfToken()) headers["X-CSRF-Token"] = csrfToken();
  if (body !== undefined) headers["Content-Type"] = contentType ?? "application/json";
  const payload = body === undefined || contentType ? body : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  // `data`: the whole answer (a version conflict's 409 carries the current text).
  if (!response.ok) throw Object.assign(new Error(data.error || `${response.status}`), { status: response.status, data });
  if (data.csrf) useCsrf(data.csrf);
  return data;
}

// A workshop key from a #key= link (or this tab) becomes this browser's
// session, so a new tab, a bookmark or a restarted browser still gets in.
export async function sessionFromKey(workshopId, key) {
  if (!key) return null;
  try {
    return await api("POST", `/api/workshops/${encodeURIComponent(workshopId)}/session`, key);
  } catch { return null; }
}

// A status line ("Sparat", "Inte sparat: …"). Passing news (fade) clears
// itself after a few seconds, back to `rest`, so no stale line stays behind.
export const FADE_MS = 5000;
const fades = new WeakMap();
export function say(node, text = "", { bad = false, fade = false, rest = "" } = {}) {
  if (!node) return;
  clearTimeout(fades.get(node));
  node.textContent = text;
  node.classList.toggle("bad", bad);
  if (fade && text !== rest) fades.set(node, setTimeout(() => say(node, rest), FADE_MS));
}

export function showError(node, err) {
  if (!node) return;
  node.hidden = !err;
  node.textContent = err ? String(err.message || err) : "";
}

// Re-render a live list without taking the user's place in it. While a form
// field inside has focus, the update waits until focus leaves (a redraw
// would throw away what they are typing or choosing); a focused button is
// focused again, found by its data-key, so keyboard users are not thrown out.
const latestBuild = new WeakMap();
export function liveRender(container, build) {
  latestBuild.set(container, build);
  const active = document.activeElement;
  if (container.contains(active) && active.matches("input, textarea, select")) {
    if (!container.dataset.stale) {
      container.dataset.stale = "1";
      container.addEventListener("focusout", () => setTimeout(() => {
        delete container.dataset.stale;
        liveRender(container, latestBuild.get(container));
      }), { once: true });
    }
    return;
  }
  const key = container.contains(active) ? active.dataset.key : null;
  container.replaceChildren(...build());
  if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}
