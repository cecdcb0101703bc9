// The console's link to the live summary, carrying the key in the URL
// fragment (never sent to the server), like the console's own link.
import { keyFor } from "./common.js";

const link = document.getElementById("summary-link");
if (link) {
  const id = link.dataset.workshop;
  const key = keyFor(id);
  link.href = `/console/${encodeURIComponent(id)}/summary` + (key ? `#key=${encodeURIComponent(key)}` : "");
}
