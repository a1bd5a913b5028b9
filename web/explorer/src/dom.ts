import { entityHref } from "./route";

// A small helper for building the DOM: h("a", {href}, "text", child).
// No framework: the explorer is meant to be read as a plain example of
// the API, and it stays small.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    } else if (v === true) {
      el.setAttribute(k, "");
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

// status shows a loading, empty or error state in a container, announced
// to screen readers.
export function status(kind: "loading" | "empty" | "error", message: string): HTMLElement {
  return h("p", { class: `status status-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
}

// entityLink links an entity's name to its page.
export function entityLink(e: { id: string; name: string }, attrs: Attrs = {}): HTMLAnchorElement {
  return h("a", { ...attrs, href: entityHref(e.id) }, e.name);
}

// onActivate runs fn when el is clicked or, focused, gets one of keys:
// a focusable element that acts like a button.
export function onActivate(el: HTMLElement, fn: () => void, keys = ["Enter", " "]): void {
  el.addEventListener("click", fn);
  el.addEventListener("keydown", (ev) => {
    if (keys.includes(ev.key)) {
      ev.preventDefault();
      fn();
    }
  });
}
