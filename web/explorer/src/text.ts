// Evidence offsets count Unicode code points, as the server does; a
// JavaScript string counts UTF-16 units. Everything here works on code
// points, so an emoji or a rare CJK character before a quote does not
// shift its highlight.

interface Passage {
  before: string;
  match: string;
  after: string;
}

// paragraphAround returns the paragraph of text holding [start, end): the
// text between the blank lines (or line breaks) around the span, with the
// span cut out so it can be highlighted.
export function paragraphAround(text: string, start: number, end: number): Passage {
  const cps = Array.from(text);
  start = Math.max(0, Math.min(start, cps.length));
  end = Math.max(start, Math.min(end, cps.length));
  let from = start;
  while (from > 0 && cps[from - 1] !== "\n") from--;
  let to = end;
  while (to < cps.length && cps[to] !== "\n") to++;
  return {
    before: cps.slice(from, start).join(""),
    match: cps.slice(start, end).join(""),
    after: cps.slice(end, to).join(""),
  };
}

export interface Span {
  start: number;
  end: number;
  id: number;
}

export interface Piece {
  text: string;
  // The spans covering this piece, innermost last; empty for plain text.
  spans: number[];
}

// splitBySpans cuts text into pieces at every span boundary, so that each
// piece is covered by the same set of spans: overlapping evidence (a quote
// inside the sentence that names its speaker) stays readable.
export function splitBySpans(text: string, spans: Span[]): Piece[] {
  const cps = Array.from(text);
  const cuts = new Set<number>([0, cps.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(s.start, cps.length)));
    cuts.add(Math.max(0, Math.min(s.end, cps.length)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    if (a === b) continue;
    const covering = spans
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => y.end - y.start - (x.end - x.start))
      .map((s) => s.id);
    out.push({ text: cps.slice(a, b).join(""), spans: covering });
  }
  return out;
}
