// Package eval measures the extractor against gold documents written by
// hand: it aligns a draft's statements, entities and roles with the gold
// ones and reports precision, recall, speaker accuracy, about F1 and date
// accuracy, the way an information-extraction paper would.
//
// Alignment rules, stated once:
//   - Entities: the same id, or the same kind and a shared name or alias
//     (folded); one to one, in order.
//   - Statements match when they have the same kind, the same speaker
//     (after entity alignment) and evidence spans that overlap; one to
//     one, largest overlap first. Precision counts the draft's document
//     statements; statements left with no speaker are not in the document
//     and are reported apart.
//   - Speaker accuracy: statements aligned on kind and overlapping
//     evidence alone, the share whose speaker is right.
//   - about F1: micro-averaged over matched statements, events aligned by
//     overlapping evidence.
//   - Roles match on person and organisation or nation (after alignment).
//   - Dates: matched statements whose date is exactly the gold's (both
//     absent counts as right).
package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// Counts are the raw tallies behind one row of the table; they add up
// across documents so the overall row is micro-averaged.
type Counts struct {
	Docs int
	// Statements: draft (in the document), gold, matched; by kind too.
	Draft, Gold, Matched                int
	DraftKind, GoldKind, MatchedKind    map[kg.StatementKind]int
	SpeakerAligned, SpeakerRight        int
	AboutDraft, AboutGold, AboutMatched int
	DateRight                           int
	EntDraft, EntGold, EntMatched       int
	RoleDraft, RoleGold, RoleMatched    int
	Unresolved, UnresolvedOverlapGold   int
}

func newCounts() Counts {
	return Counts{DraftKind: map[kg.StatementKind]int{}, GoldKind: map[kg.StatementKind]int{}, MatchedKind: map[kg.StatementKind]int{}}
}

// Add sums two tallies.
func (c *Counts) Add(o Counts) {
	if c.DraftKind == nil {
		*c = newCounts()
	}
	c.Docs += o.Docs
	c.Draft += o.Draft
	c.Gold += o.Gold
	c.Matched += o.Matched
	for k, v := range o.DraftKind {
		c.DraftKind[k] += v
	}
	for k, v := range o.GoldKind {
		c.GoldKind[k] += v
	}
	for k, v := range o.MatchedKind {
		c.MatchedKind[k] += v
	}
	c.SpeakerAligned += o.SpeakerAligned
	c.SpeakerRight += o.SpeakerRight
	c.AboutDraft += o.AboutDraft
	c.AboutGold += o.AboutGold
	c.AboutMatched += o.AboutMatched
	c.DateRight += o.DateRight
	c.EntDraft += o.EntDraft
	c.EntGold += o.EntGold
	c.EntMatched += o.EntMatched
	c.RoleDraft += o.RoleDraft
	c.RoleGold += o.RoleGold
	c.RoleMatched += o.RoleMatched
	c.Unresolved += o.Unresolved
	c.UnresolvedOverlapGold += o.UnresolvedOverlapGold
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Measures are the figures of one row.
type Measures struct {
	Precision, Recall, F1                  float64
	QuotePrecision, QuoteRecall, QuoteF1   float64
	ParaPrecision, ParaRecall, ParaF1      float64
	SpeakerAccuracy, AboutF1, DateAccuracy float64
	EntityPrecision, EntityRecall          float64
	RolePrecision, RoleRecall              float64
}

// Measures turns tallies into figures.
func (c Counts) Measures() Measures {
	m := Measures{Precision: ratio(c.Matched, c.Draft), Recall: ratio(c.Matched, c.Gold)}
	m.F1 = f1(m.Precision, m.Recall)
	m.QuotePrecision, m.QuoteRecall = ratio(c.MatchedKind[kg.Quote], c.DraftKind[kg.Quote]), ratio(c.MatchedKind[kg.Quote], c.GoldKind[kg.Quote])
	m.QuoteF1 = f1(m.QuotePrecision, m.QuoteRecall)
	m.ParaPrecision, m.ParaRecall = ratio(c.MatchedKind[kg.Paraphrase], c.DraftKind[kg.Paraphrase]), ratio(c.MatchedKind[kg.Paraphrase], c.GoldKind[kg.Paraphrase])
	m.ParaF1 = f1(m.ParaPrecision, m.ParaRecall)
	m.SpeakerAccuracy = ratio(c.SpeakerRight, c.SpeakerAligned)
	m.AboutF1 = f1(ratio(c.AboutMatched, c.AboutDraft), ratio(c.AboutMatched, c.AboutGold))
	m.DateAccuracy = ratio(c.DateRight, c.Matched)
	m.EntityPrecision, m.EntityRecall = ratio(c.EntMatched, c.EntDraft), ratio(c.EntMatched, c.EntGold)
	m.RolePrecision, m.RoleRecall = ratio(c.RoleMatched, c.RoleDraft), ratio(c.RoleMatched, c.RoleGold)
	return m
}

// Score compares a draft (validated) with its gold document. unresolved
// are the evidence spans of the draft's statements without a speaker.
func Score(draft, gold *kg.SourceDocument, unresolved []kg.Evidence) Counts {
	c := newCounts()
	c.Docs = 1
	idMap := alignEntities(draft.Entities, gold.Entities, &c)
	evMap := alignEvents(draft.Events, gold.Events)
	mapID := func(id string) string {
		if g, ok := idMap[id]; ok {
			return g
		}
		if g, ok := evMap[id]; ok {
			return g
		}
		return id
	}

	c.Draft, c.Gold = len(draft.Statements), len(gold.Statements)
	for _, s := range draft.Statements {
		c.DraftKind[s.Kind]++
	}
	for _, s := range gold.Statements {
		c.GoldKind[s.Kind]++
	}
	// Matches: same kind, same speaker, overlapping evidence.
	pairs := align(draft.Statements, gold.Statements, func(d, g kg.Statement) bool {
		return d.Kind == g.Kind && mapID(d.SpeakerID) == g.SpeakerID
	})
	c.Matched = len(pairs)
	for _, p := range pairs {
		d, g := draft.Statements[p[0]], gold.Statements[p[1]]
		c.MatchedKind[d.Kind]++
		da, ga := map[string]bool{}, map[string]bool{}
		for _, id := range d.AboutIDs {
			da[mapID(id)] = true
		}
		for _, id := range g.AboutIDs {
			ga[id] = true
		}
		c.AboutDraft += len(da)
		c.AboutGold += len(ga)
		for id := range da {
			if ga[id] {
				c.AboutMatched++
			}
		}
		if d.Date == g.Date {
			c.DateRight++
		}
	}
	// Speaker accuracy: the matches, then the statements left over
	// aligned on kind and evidence alone (so that of two statements over
	// the same words, each is paired with its own speaker first).
	c.SpeakerAligned, c.SpeakerRight = len(pairs), len(pairs)
	usedD, usedG := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		usedD[p[0]], usedG[p[1]] = true, true
	}
	var restD, restG []kg.Statement
	for i, d := range draft.Statements {
		if !usedD[i] {
			restD = append(restD, d)
		}
	}
	for j, g := range gold.Statements {
		if !usedG[j] {
			restG = append(restG, g)
		}
	}
	c.SpeakerAligned += len(align(restD, restG, func(d, g kg.Statement) bool { return d.Kind == g.Kind }))
	c.Unresolved = len(unresolved)
	for _, u := range unresolved {
		for _, g := range gold.Statements {
			if overlap(u, g.Evidence) > 0 {
				c.UnresolvedOverlapGold++
				break
			}
		}
	}
	// Roles: person and organisation.
	c.RoleDraft, c.RoleGold = len(draft.Roles), len(gold.Roles)
	used := map[int]bool{}
	for _, r := range draft.Roles {
		for j, g := range gold.Roles {
			if !used[j] && mapID(r.PersonID) == g.PersonID && mapID(r.OfID) == g.OfID {
				used[j] = true
				c.RoleMatched++
				break
			}
		}
	}
	return c
}

// align pairs draft and gold statements whose evidence overlaps and that
// ok accepts, one to one, largest overlap first.
func align(draft, gold []kg.Statement, ok func(d, g kg.Statement) bool) [][2]int {
	type cand struct{ d, g, n int }
	var cands []cand
	for i, d := range draft {
		for j, g := range gold {
			if n := overlap(d.Evidence, g.Evidence); n > 0 && ok(d, g) {
				cands = append(cands, cand{i, j, n})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].n > cands[b].n })
	usedD, usedG := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, c := range cands {
		if usedD[c.d] || usedG[c.g] {
			continue
		}
		usedD[c.d], usedG[c.g] = true, true
		out = append(out, [2]int{c.d, c.g})
	}
	return out
}

func overlap(a, b kg.Evidence) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// alignEntities maps draft entity ids to gold ones and counts matches.
func alignEntities(draft, gold []kg.Entity, c *Counts) map[string]string {
	c.EntDraft, c.EntGold = len(draft), len(gold)
	out := map[string]string{}
	used := map[int]bool{}
	keys := func(e kg.Entity) map[string]bool {
		m := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			m[names.Fold(n)] = true
		}
		return m
	}
	// Ids first, then names.
	for pass := 0; pass < 2; pass++ {
		for _, d := range draft {
			if _, done := out[d.ID]; done {
				continue
			}
			dk := keys(d)
			for j, g := range gold {
				if used[j] || d.Kind != g.Kind {
					continue
				}
				hit := d.ID == g.ID
				if pass == 1 && !hit {
					for k := range keys(g) {
						hit = hit || dk[k]
					}
				}
				if hit {
					used[j] = true
					out[d.ID] = g.ID
					c.EntMatched++
					break
				}
			}
		}
	}
	return out
}

// alignEvents maps draft event ids to gold ones by overlapping evidence.
func alignEvents(draft, gold []kg.Event) map[string]string {
	out := map[string]string{}
	used := map[int]bool{}
	for _, d := range draft {
		best, bestN := -1, 0
		for j, g := range gold {
			if used[j] {
				continue
			}
			for _, de := range d.Evidence {
				for _, ge := range g.Evidence {
					if n := overlap(de, ge); n > bestN {
						best, bestN = j, n
					}
				}
			}
		}
		if best >= 0 {
			used[best] = true
			out[d.ID] = gold[best].ID
		}
	}
	return out
}

// Explain writes what did not match: gold statements the draft missed
// (with the draft statement over the same words, if any) and draft
// statements the gold does not have.
func Explain(w io.Writer, draft, gold *kg.SourceDocument, unresolved []kg.Evidence) {
	var c Counts
	c = newCounts()
	idMap := alignEntities(draft.Entities, gold.Entities, &c)
	mapID := func(id string) string {
		if g, ok := idMap[id]; ok {
			return g
		}
		return id
	}
	pairs := align(draft.Statements, gold.Statements, func(d, g kg.Statement) bool {
		return d.Kind == g.Kind && mapID(d.SpeakerID) == g.SpeakerID
	})
	matchedD, matchedG := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		matchedD[p[0]], matchedG[p[1]] = true, true
	}
	text := []rune(gold.Source.Text)
	excerpt := func(e kg.Evidence) string {
		s := string(text[e.Start:e.End])
		if len(s) > 110 {
			s = s[:110] + "…"
		}
		return strings.ReplaceAll(s, "\n", " ")
	}
	for j, g := range gold.Statements {
		if matchedG[j] {
			continue
		}
		fmt.Fprintf(w, "  missed %s by %s: %q\n", g.Kind, g.SpeakerID, excerpt(g.Evidence))
		for i, d := range draft.Statements {
			if overlap(d.Evidence, g.Evidence) > 0 {
				fmt.Fprintf(w, "      draft has %s by %s (matched elsewhere: %v)\n", d.Kind, mapID(d.SpeakerID), matchedD[i])
			}
		}
		for _, u := range unresolved {
			if overlap(u, g.Evidence) > 0 {
				fmt.Fprintf(w, "      draft has it with no speaker\n")
			}
		}
	}
	for i, d := range draft.Statements {
		if !matchedD[i] {
			fmt.Fprintf(w, "  extra %s by %s: %q\n", d.Kind, mapID(d.SpeakerID), excerpt(d.Evidence))
		}
	}
	for _, g := range gold.Roles {
		found := false
		for _, r := range draft.Roles {
			found = found || mapID(r.PersonID) == g.PersonID && mapID(r.OfID) == g.OfID
		}
		if !found {
			fmt.Fprintf(w, "  missed role %s %s of %s\n", g.PersonID, g.Title, g.OfID)
		}
	}
}
