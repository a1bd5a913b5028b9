import { ApiError } from "../api";
import { h, status } from "../dom";
import { type SourceRow, deleteSource, sourcesPage, storeToken, storedToken } from "../desk/api";
import { Desk } from "../desk/state";
import { tokenForm } from "../desk/token";
import { formatRoute } from "../route";
import { countsTable, outage } from "./review";

// sourcesView lists every source, newest first, a page at a time, with
// the counts of its statements and entities: filter by title, open one,
// correct one in the review desk, or delete one behind a confirmation
// that names what goes with it.
export async function sourcesView(root: HTMLElement, signal: AbortSignal): Promise<void> {
  root.replaceChildren(status("loading", "Loading the sources…"));
  let page = await sourcesPage(null, signal);
  const rows: SourceRow[] = [...page.nodes];
  let total = page.totalCount;
  const filter = h("input", { type: "search", name: "filter", placeholder: "Filter by title", "aria-label": "Filter the sources by title", autocomplete: "off" });
  const list = h("ol", { class: "source-list" });
  const note = h("div", { class: "sources-note", "aria-live": "polite" });
  const more = h("button", { type: "button" }, "Load more");
  const count = h("p", { class: "count" });
  const render = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = q ? rows.filter((s) => s.title.toLowerCase().includes(q)) : rows;
    list.replaceChildren(...shown.map((s) => row(s)));
    count.textContent = q ? `${shown.length} of the ${rows.length} loaded match` : `${rows.length} of ${total} sources`;
    if (!shown.length) list.replaceChildren(h("li", {}, status("empty", rows.length ? `No loaded source has “${filter.value.trim()}” in its title.` : "The graph holds no source yet.")));
    more.hidden = !page.pageInfo.hasNextPage;
  };
  filter.addEventListener("input", render);
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      page = await sourcesPage(page.pageInfo.endCursor, signal);
      rows.push(...page.nodes);
      total = page.totalCount;
      render();
    } catch (e) {
      outage(e);
      note.replaceChildren(status("error", e instanceof ApiError ? e.message : "The next page did not load."));
    } finally {
      more.disabled = false;
    }
  });

  const row = (s: SourceRow): HTMLElement => {
    const statements = s.statements.totalCount;
    const entities = s.entities.length;
    const confirmBox = h("div", { class: "confirm", "aria-live": "polite" });
    const del = h("button", { type: "button", class: "danger", "data-action": "delete" }, "Delete…");
    const correct = h("button", { type: "button", "data-action": "correct" }, "Correct");
    correct.addEventListener("click", () => {
      const pending = Desk.load();
      if (pending && pending.review.source.id !== s.id) {
        if (!confirm(`A review of “${pending.review.source.title}” is in progress. Discard it to correct this source?`)) return;
        pending.clear();
      }
      location.hash = formatRoute({ view: "review", source: s.id });
    });
    const ask = () => {
      const yes = h("button", { type: "button", class: "danger", "data-action": "confirm-delete" }, "Delete it");
      const no = h("button", { type: "button" }, "Cancel");
      no.addEventListener("click", () => {
        confirmBox.replaceChildren();
        del.focus();
      });
      yes.addEventListener("click", () => remove(yes));
      confirmBox.replaceChildren(
        h(
          "p",
          { role: "alert" },
          `Delete “${s.title}” and its ${statements} ${statements === 1 ? "statement" : "statements"}? `,
          `The ${entities} ${entities === 1 ? "entity" : "entities"} it names go too, unless another source names them. This cannot be undone here.`,
        ),
        yes,
        " ",
        no,
      );
      yes.focus();
    };
    const remove = async (yes: HTMLButtonElement) => {
      const token = storedToken();
      if (!token) {
        confirmBox.append(tokenForm(() => remove(yes)));
        confirmBox.querySelector<HTMLInputElement>("input[name=token]")?.focus();
        return;
      }
      yes.disabled = true;
      try {
        const counts = await deleteSource(s.id, token);
        rows.splice(rows.indexOf(s), 1);
        total--;
        render();
        note.replaceChildren(h("p", { role: "status" }, `Deleted “${s.title}”. What went with it:`), countsTable(counts, ["deleted", "updated"]));
        note.querySelector("p")?.setAttribute("tabindex", "-1");
        note.querySelector<HTMLElement>("p")?.focus();
      } catch (e) {
        yes.disabled = false;
        if (e instanceof ApiError && e.code === "UNAUTHENTICATED") {
          storeToken("");
          confirmBox.append(tokenForm(() => remove(yes), "The server refused the API token. Enter it again."));
          return;
        }
        outage(e);
        confirmBox.append(status("error", e instanceof ApiError ? `The delete failed: ${e.message}` : "The delete failed."));
      }
    };
    del.addEventListener("click", ask);
    return h(
      "li",
      { class: "source-row", "data-id": s.id },
      h("a", { class: "title", href: formatRoute({ view: "source", id: s.id }) }, s.title),
      h("p", { class: "meta" }, [s.publisher, s.publishedAt].filter(Boolean).join(", ") || "no publisher or date"),
      h("p", { class: "counts-line" }, h("span", { "data-count": "statements" }, `${statements} statements`), " · ", h("span", { "data-count": "entities" }, `${entities} entities`)),
      h("p", { class: "actions" }, h("a", { class: "button", href: formatRoute({ view: "source", id: s.id }) }, "Open"), " ", correct, " ", del),
      confirmBox,
    );
  };

  render();
  root.replaceChildren(
    h("div", { class: "list-head" }, h("h1", {}, "Sources"), h("a", { class: "button", href: formatRoute({ view: "add" }) }, "Add a report")),
    h("p", {}, "Every source in the graph, newest first."),
    filter,
    count,
    note,
    list,
    more,
  );
}
