// suggestMeta reads what a wire report says about itself: a headline (a
// short first line followed by a blank line) and a dateline
// ("HELSINKI, Jan 15 (Reuters) -", "GENEVA (AP) —"), for the add form to
// offer as title, publisher and publication date. Nothing is guessed that
// the text does not show.

export interface Suggestion {
  title?: string;
  publisher?: string;
  // YYYY-MM-DD when the dateline gives a day; the year is the one of
  // `now` (a dateline has none), or the year before when that would put
  // the report in the future.
  publishedAt?: string;
  place?: string;
}

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// Publishers as datelines name them, and as the graph spells them.
const publishers: Record<string, string> = {
  reuters: "Reuters",
  ap: "AP",
  afp: "AFP",
  "associated press": "AP",
  bloomberg: "Bloomberg",
  dpa: "dpa",
  upi: "UPI",
};

// PLACE[, Mon D[, YYYY]] (Agency) - or —, at the start of a line.
const dateline = /^\s*([A-Z][A-Z .'-]+?)(?:\s*,\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:\s*,\s*(\d{4}))?)?\s*\(([^)]{2,30})\)\s*[-–—]/m;

export function suggestMeta(text: string, now = new Date()): Suggestion {
  const out: Suggestion = {};
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first >= 0) {
    const head = lines[first].trim();
    const blankAfter = first + 1 < lines.length && lines[first + 1].trim() === "";
    if (blankAfter && head.length <= 140 && !dateline.test(head) && !/[.:]$/.test(head)) out.title = head;
  }
  const m = dateline.exec(text);
  if (m) {
    const [, place, mon, day, year, agency] = m;
    out.place = place.trim();
    const p = publishers[agency.trim().toLowerCase()];
    out.publisher = p ?? agency.trim();
    const month = mon ? months[mon.slice(0, 3).toLowerCase()] : undefined;
    if (month && day && Number(day) >= 1 && Number(day) <= 31) {
      let y = year ? Number(year) : now.getFullYear();
      const d = Number(day);
      if (!year && new Date(y, month - 1, d) > now) y--;
      out.publishedAt = `${y}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
  }
  return out;
}
