// Turning a mouse selection in the review's text into evidence: [start,
// end) in Unicode code points, as the API counts, never UTF-16 units, with
// the white space at either end left out.
import type { Span } from "./api";

// codePointOffset counts the code points of root's text before the
// boundary (node, offset), where offset is a DOM offset (UTF-16 units in a
// text node, children in an element).
export function codePointOffset(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return Array.from(r.toString()).length;
}

// selectionSpan is the span a range covers inside root, trimmed; null
// when the range is empty, outside root, or only white space.
export function selectionSpan(root: Node, range: Range | null): Span | null {
  if (!range || range.collapsed) return null;
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  let start = codePointOffset(root, range.startContainer, range.startOffset);
  let end = codePointOffset(root, range.endContainer, range.endOffset);
  const cps = Array.from(root.textContent ?? "");
  while (start < end && /\s/.test(cps[start])) start++;
  while (end > start && /\s/.test(cps[end - 1])) end--;
  return end > start ? { start, end } : null;
}
