import { describe, expect, it } from "vitest";
import { paragraphAround, splitBySpans } from "../src/text";

describe("paragraphAround", () => {
  const text = "First paragraph.\nRutte said: \"We are ready.\" Then he left.\nLast one.";
  it("cuts the span out of its paragraph", () => {
    const start = Array.from(text).indexOf('"');
    const p = paragraphAround(text, start, start + 15);
    expect(p.before).toBe("Rutte said: ");
    expect(p.match).toBe('"We are ready."');
    expect(p.after).toBe(" Then he left.");
  });
  it("counts code points, not UTF-16 units", () => {
    const t = "😀 Zélenskiy said \"yes\".";
    const cps = Array.from(t);
    const start = cps.indexOf('"');
    const p = paragraphAround(t, start, start + 5);
    expect(p.match).toBe('"yes"');
    expect(p.before).toBe("😀 Zélenskiy said ");
  });
  it("clamps spans outside the text", () => {
    const p = paragraphAround("abc", 2, 99);
    expect(p.match).toBe("c");
  });
});

describe("splitBySpans", () => {
  it("splits at every boundary and keeps overlapping spans", () => {
    const pieces = splitBySpans("abcdefgh", [
      { start: 1, end: 6, id: 0 },
      { start: 3, end: 4, id: 1 },
    ]);
    expect(pieces.map((p) => [p.text, p.spans])).toEqual([
      ["a", []],
      ["bc", [0]],
      ["d", [0, 1]],
      ["ef", [0]],
      ["gh", []],
    ]);
  });
  it("leaves text without spans whole", () => {
    expect(splitBySpans("plain", [])).toEqual([{ text: "plain", spans: [] }]);
  });
});
