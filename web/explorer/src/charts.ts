// Charts, written by hand: horizontal bars as a list of links (each with
// its label and count as text), and statements per month as a small SVG.
// No chart library: the explorer stays small and every figure is plain DOM.
import { h } from "./dom";

// barPercents scales counts to bar widths, in percent of the largest; a
// count above zero always shows at least a sliver.
export function barPercents(counts: number[], min = 2): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max <= 0 || c <= 0 ? 0 : Math.max(min, Math.round((c / max) * 1000) / 10)));
}

// sizeBy maps a value in [0, max] onto [lo, hi] by its square root, so
// that areas (a node's, a line's weight) grow with the value.
export function sizeBy(value: number, max: number, lo: number, hi: number): number {
  if (max <= 0 || value <= 0) return lo;
  return lo + (hi - lo) * Math.sqrt(Math.min(value, max) / max);
}

export interface MonthCount {
  key: string;
  count: number;
}

// The longest run of months a chart draws (fifty years); a longer span is
// cut to its latest months.
const maxMonths = 600;

// monthSeries turns MONTH buckets (in any order) into the months from the
// first to the last, oldest first, with the months that have no statement
// at zero; the "undated" bucket (statements dated to a year or not at all)
// is a figure of its own.
export function monthSeries(buckets: MonthCount[]): { months: MonthCount[]; undated: number } {
  let undated = 0;
  const counts = new Map<string, number>();
  for (const b of buckets) {
    if (/^\d{4}-\d{2}$/.test(b.key)) counts.set(b.key, (counts.get(b.key) ?? 0) + b.count);
    else undated += b.count;
  }
  const keys = [...counts.keys()].sort();
  if (!keys.length) return { months: [], undated };
  const index = (k: string) => Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7)) - 1;
  const last = index(keys[keys.length - 1]);
  const first = Math.max(index(keys[0]), last - maxMonths + 1);
  const months: MonthCount[] = [];
  for (let i = first; i <= last; i++) {
    const key = `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
    months.push({ key, count: counts.get(key) ?? 0 });
  }
  return { months, undated };
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// monthLabel reads 2025-09 as "Sep 2025".
export function monthLabel(key: string): string {
  return `${monthNames[Number(key.slice(5, 7)) - 1] ?? key.slice(5, 7)} ${key.slice(0, 4)}`;
}

export interface Bar {
  key: string;
  label: string;
  count: number;
  href: string;
  // A class for the label, such as kind-person.
  kind?: string;
  current?: boolean;
}

// barList draws bars as an ordered list of links: each names its label
// and count in text, so it reads and works without the picture.
export function barList(id: string, title: string, bars: Bar[], empty: string, unit = "statements"): HTMLElement {
  const widths = barPercents(bars.map((b) => b.count));
  return h(
    "section",
    { class: "chart", "aria-labelledby": `h-${id}`, "data-chart": id },
    h("h2", { id: `h-${id}` }, title),
    bars.length
      ? h(
          "ol",
          { class: "bars" },
          bars.map((b, i) =>
            h(
              "li",
              {},
              h(
                "a",
                {
                  class: "bar",
                  href: b.href,
                  "data-key": b.key,
                  "data-count": b.count,
                  "aria-label": `${b.label}: ${b.count} ${b.count === 1 ? unit.replace(/s$/, "") : unit}`,
                  "aria-current": b.current ? "true" : undefined,
                },
                h("span", { class: `bar-label ${b.kind ?? ""}`, title: b.label }, b.label),
                h("span", { class: "bar-track", "aria-hidden": "true" }, h("span", { class: "bar-fill", style: `width: ${widths[i]}%` })),
                h("span", { class: "bar-count" }, String(b.count)),
              ),
            ),
          ),
        )
      : h("p", { class: "status status-empty", role: "status" }, empty),
  );
}

const svgNS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

// monthChart draws statements per month as columns in an SVG, titled and
// labelled for screen readers (each column has its own title, which is
// also the tooltip); statements without a month are a figure beside it.
export function monthChart(id: string, title: string, buckets: MonthCount[]): HTMLElement {
  const { months, undated } = monthSeries(buckets);
  const total = months.reduce((n, m) => n + m.count, 0);
  const undatedNote = undated
    ? h("p", { class: "undated", "data-undated": undated }, `${undated} ${undated === 1 ? "statement has" : "statements have"} no month (undated, or dated only to a year).`)
    : null;
  const head = h("h2", { id: `h-${id}` }, title);
  if (!months.length) {
    return h("section", { class: "chart", "aria-labelledby": `h-${id}`, "data-chart": id }, head, h("p", { class: "status status-empty", role: "status" }, "No dated statements."), undatedNote);
  }
  const width = 640;
  const height = 150;
  const top = 16;
  const bottom = 22;
  const left = 4;
  const plot = height - top - bottom;
  const max = Math.max(...months.map((m) => m.count));
  const step = (width - 2 * left) / months.length;
  const barW = Math.max(1, Math.min(48, step * 0.8));
  // Label every month when they fit, else every January (and the first).
  const every = step >= 52;
  const summary = months
    .filter((m) => m.count)
    .map((m) => `${monthLabel(m.key)}: ${m.count}`)
    .join(", ");
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, class: "month-chart", role: "img", "aria-labelledby": `t-${id} d-${id}`, preserveAspectRatio: "xMinYMid meet" },
    svg("title", { id: `t-${id}` }, title),
    svg("desc", { id: `d-${id}` }, `${total} dated statements. ${summary}.`),
    svg("line", { x1: 0, x2: width, y1: top + plot + 0.5, y2: top + plot + 0.5, class: "axis" }),
    ...months.flatMap((m, i) => {
      const x = left + i * step + (step - barW) / 2;
      const bh = m.count ? Math.max(2, (m.count / max) * plot) : 0;
      const parts: SVGElement[] = [];
      if (m.count) {
        parts.push(
          svg(
            "rect",
            { x: x.toFixed(1), y: (top + plot - bh).toFixed(1), width: barW.toFixed(1), height: bh.toFixed(1), "data-month": m.key, "data-count": m.count },
            svg("title", {}, `${monthLabel(m.key)}: ${m.count} ${m.count === 1 ? "statement" : "statements"}`),
          ),
        );
        if (every || m.count === max) parts.push(svg("text", { x: (x + barW / 2).toFixed(1), y: (top + plot - bh - 3).toFixed(1), class: "value" }, String(m.count)));
      }
      if (every || i === 0 || m.key.endsWith("-01")) {
        parts.push(svg("text", { x: (x + barW / 2).toFixed(1), y: height - 6, class: "tick" }, every ? monthLabel(m.key) : m.key.slice(0, 4)));
      }
      return parts;
    }),
  );
  return h("section", { class: "chart", "aria-labelledby": `h-${id}`, "data-chart": id }, head, h("figure", { class: "month-figure" }, chart), undatedNote);
}
