import { type Statement, sourceText } from "../api";
import { entityLink, h } from "../dom";
import { kindOf } from "../kinds";
import { formatRoute } from "../route";
import { paragraphAround } from "../text";

// statementItem shows one statement: kind, date, speaker, event, topics,
// and its evidence highlighted inside its paragraph of the source, with a
// link to the source view at that span.
export function statementItem(st: Statement): HTMLElement {
  const passage = h("blockquote", { class: "passage" }, h("mark", {}, st.evidence.excerpt));
  // The paragraph comes from the source text, fetched once per source.
  sourceText(st.evidence.source.id)
    .then((text) => {
      if (!text) return;
      const p = paragraphAround(text, st.evidence.start, st.evidence.end);
      passage.replaceChildren(p.before, h("mark", { "data-evidence": st.id }, p.match), p.after);
    })
    .catch(() => {
      /* the excerpt alone still stands */
    });
  const src = st.evidence.source;
  return h(
    "li",
    { class: "statement", "data-id": st.id },
    h(
      "p",
      { class: "meta" },
      h("span", { class: `badge badge-${st.kind.toLowerCase()}` }, st.kind === "QUOTE" ? "quote" : "paraphrase"),
      " ",
      h("time", {}, st.date ?? "undated"),
      " · ",
      entityLink(st.speaker, { class: `kind-${kindOf(st.speaker.__typename)}` }),
      st.attribution ? ` (${st.attribution})` : "",
      st.event ? [" · at ", h("span", { class: "event" }, st.event.name)] : null,
    ),
    h("p", { class: "text" }, st.kind === "QUOTE" ? `“${st.text}”` : st.text),
    st.about.length
      ? h(
          "p",
          { class: "about" },
          "About: ",
          ...st.about.flatMap((a, i) => [
            i ? ", " : "",
            a.__typename === "Event" ? a.name : entityLink(a),
          ]),
        )
      : null,
    st.topics.length ? h("p", { class: "topics" }, ...st.topics.map((t) => h("span", { class: "topic" }, t.name))) : null,
    passage,
    h(
      "p",
      { class: "source" },
      "Source: ",
      h("a", { href: formatRoute({ view: "source", id: src.id, span: st.evidence.start }) }, src.title),
      src.publisher ? `, ${src.publisher}` : "",
      src.publishedAt ? `, ${src.publishedAt}` : "",
      ` (characters ${st.evidence.start}–${st.evidence.end})`,
    ),
  );
}
