import { describe, expect, it } from "vitest";
import { selectionSpan } from "../src/desk/selection";

describe("selectionSpan", () => {
  // The text as the review shows it: plain text and marks, with an emoji
  // (two UTF-16 units, one code point) before the selection.
  const root = document.createElement("div");
  root.append("😀 Zélenskiy said ", Object.assign(document.createElement("mark"), { textContent: '"we are ready"' }), " and left.");
  document.body.append(root);
  const cps = Array.from(root.textContent!);

  it("counts code points across marks", () => {
    const r = document.createRange();
    const mark = root.childNodes[1].firstChild!;
    r.setStart(mark, 1); // after the opening quote
    r.setEnd(root.childNodes[2], 4); // " and" ends after 4 units
    const s = selectionSpan(root, r)!;
    expect(cps.slice(s.start, s.end).join("")).toBe('we are ready" and');
    expect(s.start).toBe(Array.from('😀 Zélenskiy said "').length);
  });

  it("trims white space and refuses empty selections", () => {
    const r = document.createRange();
    r.setStart(root.firstChild!, 2); // after the emoji: " Zélenskiy"
    r.setEnd(root.firstChild!, 13);
    const s = selectionSpan(root, r)!;
    expect(cps.slice(s.start, s.end).join("")).toBe("Zélenskiy");
    expect(s).toEqual({ start: 2, end: 11 });
    const blank = document.createRange();
    blank.setStart(root.firstChild!, 2);
    blank.setEnd(root.firstChild!, 3);
    expect(selectionSpan(root, blank)).toBeNull();
  });

  it("ignores selections outside the text", () => {
    const other = document.createElement("p");
    other.textContent = "elsewhere";
    document.body.append(other);
    const r = document.createRange();
    r.selectNodeContents(other);
    expect(selectionSpan(root, r)).toBeNull();
  });
});
