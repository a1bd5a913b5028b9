import { describe, expect, it } from "vitest";
import { suggestMeta } from "../src/desk/suggest";

describe("suggestMeta", () => {
  const now = new Date(2026, 5, 1);
  it("reads a Reuters dateline", () => {
    expect(suggestMeta("HELSINKI, Jan 15 (Reuters) - Finland believes a tanker…", now)).toEqual({ place: "HELSINKI", publisher: "Reuters", publishedAt: "2026-01-15" });
  });
  it("reads an AP dateline without a date", () => {
    expect(suggestMeta("GENEVA (AP) — The World Health Organization said…", now)).toEqual({ place: "GENEVA", publisher: "AP" });
  });
  it("takes a headline followed by a blank line, and a full month name", () => {
    const s = suggestMeta("Allies promise air defence\n\nBRUSSELS, February 3 (Reuters) - NATO…", now);
    expect(s).toEqual({ title: "Allies promise air defence", place: "BRUSSELS", publisher: "Reuters", publishedAt: "2026-02-03" });
  });
  it("puts a dateline that would be in the future in the year before", () => {
    expect(suggestMeta("PARIS, Dec 30 (Reuters) - …", now).publishedAt).toBe("2025-12-30");
  });
  it("keeps a year the dateline gives", () => {
    expect(suggestMeta("KYIV, Sept 4, 2025 (AFP) - …", now).publishedAt).toBe("2025-09-04");
  });
  it("guesses nothing from plain prose", () => {
    expect(suggestMeta("The minister said on Monday that the talks went well. Nothing else happened.\nMore.", now)).toEqual({});
    // A first line that is the dateline paragraph itself is no headline.
    expect(suggestMeta("LONDON (Reuters) - Talks.\n\nMore.", now).title).toBeUndefined();
  });
});
