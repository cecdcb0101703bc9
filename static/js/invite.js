// An invite's page (/invite#secret=…): the secret leaves the address bar at
// once; with a name for the staff list, it becomes this device's session
// (an HttpOnly cookie) and the page goes on to the console or projector.
import { api, secretFromFragment, showError } from "./common.js";

const $ = (id) => document.getElementById(id);
const secret = secretFromFragment("secret", "invite");

$("invite-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const data = await api("POST", "/api/invites/accept", null, { secret: secret || "", name: $("invite-name").value });
    sessionStorage.removeItem("invite");
    location.replace(data.next);
  } catch (err) { showError($("error"), err); }
});
