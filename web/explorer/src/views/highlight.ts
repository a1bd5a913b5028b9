// Evidence highlighted in a source's text, one colour per kind, with a
// legend that turns kinds on and off: the source view and the review
// desk show facts the same way.
import { h, onActivate } from "../dom";
import { type Span, splitBySpans } from "../text";

export type EvidenceKind = "STATEMENT" | "EVENT" | "ROLE" | "MEMBERSHIP" | "PARTICIPATION" | "MENTION";

// The kinds in the order the legend lists them, with how they read.
export const evidenceKinds: { kind: EvidenceKind; label: string }[] = [
  { kind: "STATEMENT", label: "Statements" },
  { kind: "EVENT", label: "Events" },
  { kind: "PARTICIPATION", label: "Participations" },
  { kind: "ROLE", label: "Roles" },
  { kind: "MEMBERSHIP", label: "Memberships" },
  { kind: "MENTION", label: "Names" },
];

export interface Highlight {
  kind: EvidenceKind;
  start: number;
  end: number;
}

// highlight fills container with text, every shown span a mark. Each mark
// carries the offset where its piece starts (data-start: every span starts
// a piece, so a link to a span finds its mark), its kinds and the indexes
// of its spans (data-spans); choosing it calls choose with those indexes.
export function highlight(container: HTMLElement, text: string, evidence: Highlight[], shown: Set<EvidenceKind>, choose: (ids: number[], mark: HTMLElement) => void): void {
  const spans: Span[] = [];
  evidence.forEach((e, i) => {
    if (shown.has(e.kind)) spans.push({ start: e.start, end: e.end, id: i });
  });
  let at = 0;
  container.replaceChildren(
    ...splitBySpans(text, spans).map((p) => {
      const start = at;
      at += Array.from(p.text).length;
      if (!p.spans.length) return p.text;
      const kinds = [...new Set(p.spans.map((i) => evidence[i].kind))];
      const m = h(
        "mark",
        {
          tabindex: "0",
          role: "button",
          "data-start": start,
          "data-kinds": kinds.join(" "),
          "data-spans": p.spans.join(" "),
          class: kinds.map((k) => `ev-${k.toLowerCase()}`).join(" "),
          "aria-label": `Evidence (${kinds.join(", ").toLowerCase()}): ${p.text}`,
        },
        p.text,
      );
      onActivate(m, () => choose(p.spans, m));
      return m;
    }),
  );
}

// legend lists the kinds present, with counts, each a checkbox that adds
// it to or removes it from shown and then calls changed.
export function legend(evidence: Highlight[], shown: Set<EvidenceKind>, changed: () => void): HTMLElement {
  const counts = new Map<EvidenceKind, number>();
  for (const e of evidence) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return h(
    "fieldset",
    { class: "evidence-legend" },
    h("legend", {}, "Highlight"),
    evidenceKinds
      .filter((k) => counts.has(k.kind))
      .map((k) => {
        const box = h("input", { type: "checkbox", checked: shown.has(k.kind), value: k.kind });
        box.addEventListener("change", () => {
          if (box.checked) shown.add(k.kind);
          else shown.delete(k.kind);
          changed();
        });
        return h("label", { class: `ev-${k.kind.toLowerCase()}` }, box, ` ${k.label} (${counts.get(k.kind)})`);
      }),
  );
}
