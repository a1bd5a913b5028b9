import { h } from "../dom";
import { storeToken, storedToken } from "./api";

// tokenForm asks for the API token that mutations need, once per browser
// session: it is kept in sessionStorage only, never in the URL or in
// localStorage. why says what happened (e.g. the server refused it).
export function tokenForm(done: (token: string) => void, why = ""): HTMLElement {
  const input = h("input", { type: "password", name: "token", autocomplete: "off", required: true, size: 28, "aria-describedby": "token-hint" });
  const form = h(
    "form",
    { class: "token-form", "aria-label": "API token" },
    why ? h("p", { class: "status status-error", role: "alert" }, why) : null,
    h("label", {}, "API token ", input),
    h("button", { type: "submit" }, "Use this token"),
    h("p", { class: "hint", id: "token-hint" }, "Drafting, checking, publishing and deleting need the newsroom's API token. It is kept for this browser tab only."),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const t = input.value.trim();
    if (!t) return;
    storeToken(t);
    done(t);
  });
  return form;
}

export { storedToken, storeToken };
