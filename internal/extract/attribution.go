package extract

import (
	"slices"
	"sort"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// cue is a speech verb (or "according to") outside quotation marks, with
// the noun phrase of its speaker.
type cue struct {
	verb0, verb1 int // the verb's tokens
	kind         verbKind
	subj0, subj1 int // the speaker's tokens; subj0 == subj1 when none
	// inverted: the speaker follows the verb ("said Macron").
	inverted bool
	// embedded: a parenthetical inside another clause ("oil that he said
	// is helping…"), not a report of its own.
	embedded bool
	// coordinated: the second verb of one subject ("made clear … but
	// said …").
	coordinated bool
	// participle: ", noting that …" after another cue.
	participle bool
	// trailing: the cue closes its sentence and reports what came
	// before it ("…, he said.").
	trailing bool
	// according: "according to X".
	according bool
	// content is what the cue reports, when it is not a quotation.
	content0, content1 int
	speakers           []*entity
	attribution        string
	how                string // the rule that resolved the speaker
	sureness           float64
}

// phraseVerbAt matches a speech act of several words at token i.
func (x *extraction) phraseVerbAt(i int) (int, verbKind, bool) {
	key := ""
	best, kind := i, report
	for j := i; j < len(x.toks) && j-i < 5; j++ {
		if !x.toks[j].isWord() {
			break
		}
		if key == "" {
			key = x.toks[j].fold
		} else {
			key += " " + x.toks[j].fold
		}
		if k, ok := phraseVerbs[key]; ok {
			best, kind = j+1, k
		}
	}
	return best, kind, best > i
}

// cuesIn finds the speech cues of sentence si.
func (x *extraction) cuesIn(a, b int) []*cue {
	var out []*cue
	for k := a; k < b; k++ {
		tk := x.toks[k]
		if tk.inQuote || !tk.isWord() {
			continue
		}
		if tk.is("according") && k+1 < b && x.toks[k+1].is("to") {
			c := &cue{verb0: k, verb1: k + 2, according: true, kind: report, subj0: -1, subj1: -1}
			c.subj0, c.subj1 = k+2, x.npForward(k+2, b)
			if c.subj1 > c.subj0 {
				out = append(out, c)
				k = c.subj1 - 1
			}
			continue
		}
		if x.mention(k) != nil || tk.capitalised() && k > a {
			continue // "United States", "Notes" in a name: no verb
		}
		end, kind, ok := x.phraseVerbAt(k)
		if !ok {
			kind, ok = speechVerbs[tk.fold]
			end = k + 1
		}
		if !ok && k > a && x.toks[k-1].text == "," && tk.is("noting", "adding", "saying", "warning", "arguing", "insisting", "stressing", "explaining", "acknowledging", "claiming") {
			// "…, noting that…": the same speaker goes on.
			c := &cue{verb0: k, verb1: k + 1, kind: report, subj0: -1, subj1: -1, participle: true}
			out = append(out, c)
			continue
		}
		if !ok && tk.is("called", "described", "branded", "labelled", "labeled", "termed") && x.quoteBetween(k+1, b) {
			// 'called the plan "reckless"': speech, by way of the quotation.
			kind, ok, end = dismiss, true, k+1
		}
		if !ok {
			continue
		}
		// "has said", "have said": the auxiliary is part of the cue.
		c := &cue{verb0: k, verb1: end, kind: kind, subj0: -1, subj1: -1}
		if x.negated(k) || x.passiveOrIdiom(k, end, b) {
			continue // "did not say", "is said to be", "that said,"
		}
		out = append(out, c)
		k = end - 1
	}
	return out
}

// bareWords are words that may stand between a subject and its verb.
func (x *extraction) skipBackAdverbials(j, a int) int {
	for j >= a {
		t := x.toks[j]
		switch {
		case auxiliaries[t.fold]:
			j--
		case isMonthOrDay(t.fold) && j-1 >= a && x.toks[j-1].is("on"):
			j -= 2
		case t.fold != "" && j-1 >= a && x.toks[j-1].is("last", "this", "next") && t.is("week", "month", "year", "weekend", "night"):
			j -= 2
		case t.is("yesterday", "today", "tonight"):
			j--
		default:
			return j
		}
	}
	return j
}

// npBack reads the noun phrase that ends at token j (inclusive), back to
// no further than a. It returns the phrase's first token and the token
// after its last, or (j+1, j+1) when there is none. Relative clauses and
// appositives set off by commas (", which co-chair the coalition,") are
// skipped over, and not part of the phrase.
func (x *extraction) npBack(j, a int) (int, int) {
	// ", which …," or ", the head of …," between subject and verb.
	if j >= a && x.toks[j].text == "," {
		k := j - 1
		for k >= a && x.toks[k].text != "," && !x.toks[k].inQuote && x.toks[k].text != "\"" {
			k--
		}
		if k >= a && x.toks[k].text == "," && k+1 < j {
			inner := x.toks[k+1]
			// ", Sofia Brandt," after a title: the name is the subject.
			if p, end := x.peekPerson(k+1, 1); end == j && (p != nil || end-(k+1) >= 2) {
				return k + 1, j
			}
			// ", UNICEF," after "The U.N. children's agency": so is the body.
			if m := x.mention(k + 1); m != nil && m.tok0 == k+1 && m.tok1 == j && m.ent.kind != kg.Person {
				return k + 1, j
			}
			if j == k+2 && isAcronym(inner.text) && x.mention(k+1) == nil {
				// ", PAGASA," after "The state weather agency": a body the
				// gazetteer does not know.
				x.newOrganisation(k+1, k+2)
				return k + 1, j
			}
			// ", 47," an age: skip it.
			if j == k+2 && isNumber(inner.text) {
				return x.npBack(k-1, a)
			}
			if inner.is("which", "who", "whose", "the", "a", "an", "its", "his", "her", "their", "speaking", "writing", "addressing", "responding", "asked", "answering", "appearing", "standing", "visiting") || x.titleAt(k+1) > k+1 || x.containsTitle(k+1, j) {
				// Another appositive may stand before this one: "Miriam
				// Oduya, policy director at X, a Nairobi-based group,".
				if start, end := x.npBack(k, a); start < end {
					return start, end
				}
				if start, end := x.npBack(k-1, a); start <= k-1 {
					return start, end
				}
			}
		}
		return j + 1, j + 1
	}
	if j >= a && pronounKinds[x.toks[j].fold] != "" && !x.toks[j].inQuote {
		return j, j + 1
	}
	// "A senior U.S. defense official", "two officials familiar with the
	// talks": a determiner, then any modifiers, then the head noun.
	if j >= a && attributionNouns[x.toks[j].fold] && !x.toks[j].inQuote {
		for k := j - 1; k >= a && j-k <= 6; k-- {
			t := x.toks[k]
			if t.inQuote || !t.isWord() && !t.possessive() {
				break
			}
			if t.is("a", "an", "the", "two", "three", "four", "five", "several", "some", "many", "one", "another", "other", "most") {
				return x.npTrim(k, j)
			}
			// "Sweden's energy ministry", "Moscow's envoy".
			if t.possessive() && k > a {
				if m := x.mention(k - 1); m != nil && m.tok1 == k {
					start := m.tok0
					if start > a && x.toks[start-1].is("the") {
						start--
					}
					return x.npTrim(start, j)
				}
			}
			if _, verb := speechVerbs[t.fold]; verb || conjunctions[t.fold] && !t.capitalised() {
				break
			}
		}
	}
	start := j + 1
	for k := j; k >= a; k-- {
		t := x.toks[k]
		if t.inQuote {
			break
		}
		switch {
		case x.mention(k) != nil:
			start = k
		case t.possessive():
			start = k
		case t.text == "." && k > a && honorifics[x.toks[k-1].fold]:
			start = k // "Dr. Leila Haddad"
		case t.isWord() && t.capitalised() && !conjunctions[t.fold] && !(k == a && notNames[t.fold] && !t.is("the", "a", "an")):
			start = k
		case t.is("the", "a", "an", "two", "three", "four", "five", "several", "some", "many", "other", "senior",
			"top", "former", "unnamed", "anonymous", "another", "one", "both", "all", "most", "foreign", "local",
			"western", "european", "government", "military", "security", "intelligence", "special", "deputy",
			"chief", "press", "his", "her", "its", "their", "country", "nation", "familiar", "close"):
			start = k
		case t.isWord() && (attributionNouns[t.fold] || titles[t.fold] || groupNouns[t.fold]):
			start = k
		case t.is("of", "for", "at", "with", "to", "in") && start == k+1 && k > a:
			// "a spokesperson for the ministry", "the head of the agency",
			// "sources close to the talks": keep going only if a head
			// noun comes before.
			p := x.toks[k-1]
			if attributionNouns[p.fold] || titles[p.fold] || p.is("familiar", "close", "head", "chief", "member", "members") || x.mention(k-1) != nil && x.toks[k].is("in") {
				start = k
				continue
			}
			return x.npTrim(start, j)
		case t.is("and") && start == k+1 && k > a:
			start = k
		default:
			return x.npTrim(start, j)
		}
	}
	return x.npTrim(start, j)
}

// containsTitle: an office is named somewhere in [i, j), as in an
// appositive ("WHO's emergencies director").
func (x *extraction) containsTitle(i, j int) bool {
	for k := i; k < j; k++ {
		if x.titleAt(k) > k {
			return true
		}
	}
	return false
}

// npTrim: a phrase may not start with "and", "of" or "for".
func (x *extraction) npTrim(start, j int) (int, int) {
	for start <= j && x.toks[start].is("and", "of", "for", "at", "with", "to") {
		start++
	}
	return start, j + 1
}

// groupNouns head a phrase of several nations or bodies: "Germany and
// other countries".
var groupNouns = foldedSet("countries", "nations", "states", "allies", "partners", "members", "governments", "capitals")

// passiveOrIdiom: "are said to be", "so-called", "That said, …".
func (x *extraction) passiveOrIdiom(k, end, b int) bool {
	if k > 0 && x.toks[k-1].is("is", "are", "was", "were", "be", "been", "being", "so") {
		return true
	}
	if k > 0 && x.toks[k-1].is("that") && end < b && x.toks[end].text == "," {
		return true
	}
	return false
}

// negated: "did not say", "declined to say", "would not confirm" report
// nothing.
func (x *extraction) negated(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		t := x.toks[j]
		if t.is("not", "never", "n't", "declined", "refused", "without") {
			return true
		}
		if !t.isWord() || !(auxiliaries[t.fold] || t.is("to", "did", "does", "do", "would", "could")) {
			return false
		}
	}
	return false
}

var conjunctions = foldedSet("but", "and", "or", "so", "yet", "however", "meanwhile", "still", "also", "then",
	"although", "though", "while", "whereas", "when", "if", "as", "because", "after", "before", "later", "earlier",
	"asked", "separately", "instead", "indeed", "in", "on", "at")

// npForward reads a noun phrase starting at token i, up to b: a name, or
// a determiner phrase such as "the minister" or "a White House official",
// with a following appositive ("Jane Roe, the bank's governor").
func (x *extraction) npForward(i, b int) int {
	j := i
	for j < b {
		t := x.toks[j]
		switch {
		case t.inQuote:
			return j
		case x.mention(j) != nil:
			j = x.mention(j).tok1
		case t.possessive():
			j++
		case t.isWord() && t.capitalised() && !isMonthOrDay(t.fold) && !(j > i && notNames[t.fold] && !t.is("the")):
			j++
		case t.is("the", "a", "an", "two", "three", "several", "some", "senior", "top", "former", "unnamed", "another",
			"one", "his", "her", "its", "their", "foreign", "government", "military", "press", "deputy", "chief", "special"):
			j++
		case t.isWord() && (attributionNouns[t.fold] || titles[t.fold]):
			j++
		case t.is("of", "for", "familiar", "close", "with", "to") && j > i && j+1 < b &&
			(attributionNouns[x.toks[j-1].fold] || titles[x.toks[j-1].fold] || x.toks[j-1].is("familiar", "close")):
			j++
		default:
			return j
		}
	}
	return j
}

// assignSubjects gives every cue of the sentence [a, b) its speaker's
// phrase, its direction and, for reported speech, its content.
func (x *extraction) assignSubjects(cues []*cue, a, b int) {
	for ci, c := range cues {
		if c.participle {
			if ci > 0 && cues[ci-1].subj0 >= 0 {
				c.subj0, c.subj1, c.coordinated = cues[ci-1].subj0, cues[ci-1].subj1, true
			} else {
				c.embedded = true
			}
			continue
		}
		if c.according {
			c.trailing = c.verb0 > a && !x.quoteBetween(a, c.verb0)
			continue
		}
		// Before the verb: "Macron said", "Putin also ruled out", "European
		// officials say". An auxiliary ("has said") is skipped.
		j := x.skipBackAdverbials(c.verb0-1, a)
		start, stop := x.npBack(j, a)
		if start <= j && x.embedded(start, a) {
			// "oil that he said is helping…", "an option he said he
			// preferred": a parenthetical, not a report of its own.
			c.embedded = true
			continue
		}
		if start >= stop {
			// "A WHO official who was not authorized to speak publicly
			// said": the subject before a relative clause.
			for k := c.verb0 - 1; k > a && c.verb0-k <= 12; k-- {
				if x.toks[k].is("who", "which") && attributionNouns[x.toks[k-1].fold] {
					start, stop = x.npBack(k-1, a)
					break
				}
				if x.toks[k].inQuote || x.toks[k].text == "." {
					break
				}
			}
		}
		if start < stop {
			c.subj0, c.subj1 = start, stop
		} else if c.verb1 < b && c.verb0 > a && (x.toks[c.verb0-1].text == "," || x.toks[c.verb0-1].inQuote || isQuoteMark(x.toks[c.verb0-1].text)) {
			// After the verb: "…," said Macron. / "…, said the minister".
			if end := x.npForward(c.verb1, b); end > c.verb1 && !x.toks[c.verb1].is("that", "it", "he", "she", "they") {
				c.subj0, c.subj1, c.inverted = c.verb1, end, true
			}
		}
		if c.subj0 < 0 && ci > 0 && cues[ci-1].subj0 >= 0 && c.verb0 > 0 && x.toks[c.verb0-1].is("and", "but") {
			// "made clear she would not … but said Italy was open":
			// the same subject goes on.
			c.subj0, c.subj1 = cues[ci-1].subj0, cues[ci-1].subj1
			c.coordinated = true
		}
		c.trailing = x.trailingCue(c, a, b)
	}
}

// embedded: a subject that directly follows a word (not a comma, a
// conjunction or the sentence's start) is inside a clause of its own.
func (x *extraction) embedded(start, a int) bool {
	if start == a {
		return false
	}
	p := x.toks[start-1]
	if p.is("that", "which", "who") && start-2 >= a && x.toks[start-2].isWord() {
		// "the summit, which Dalsgaard said would focus on…" reports
		// Dalsgaard; "oil that he said is helping…" is an aside.
		if x.mention(start) != nil && x.mention(start).ent.kind == kg.Person {
			return false
		}
		return !x.isSpeechVerbAt(start - 2)
	}
	if !p.isWord() || conjunctions[p.fold] || p.is("and", "but", "that") {
		return false
	}
	if x.isSpeechVerbAt(start - 1) {
		return false
	}
	// A pronoun subject right after a noun: a reduced relative clause.
	s := x.toks[start]
	return s.is("he", "she", "they", "it", "we") && p.isWord() && !p.capitalised()
}

func (x *extraction) isSpeechVerbAt(k int) bool {
	_, ok := speechVerbs[x.toks[k].fold]
	return ok
}

func (x *extraction) quoteBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].inQuote {
			return true
		}
	}
	return false
}

// trailingCue: the cue closes its sentence ("…, he said.", "…, according
// to officials.") and what it reports is the words before it.
func (x *extraction) trailingCue(c *cue, a, b int) bool {
	end := c.verb1
	if c.inverted {
		end = c.subj1
	}
	// Only a place or time may follow: "he said on Thursday", "she told
	// reporters in Kyiv".
	rest := 0
	for k := end; k < b; k++ {
		if x.toks[k].isWord() {
			rest++
		}
	}
	first := c.subj0
	if c.inverted || first < 0 {
		first = c.verb0
	}
	if first <= a || x.toks[first-1].text != "," || x.quoteBetween(end, b) {
		return false
	}
	if rest <= 6 {
		return true
	}
	// "…, Macron said after a summit meeting of Kyiv's allies on Thursday":
	// what follows the verb is only where, when or to whom.
	k := end
	if c.kind == tell && k < b {
		if m := x.mention(k); m != nil && m.tok0 == k {
			k = m.tok1
		} else if x.toks[k].is("reporters", "journalists", "lawmakers", "parliament", "a", "the") {
			k = x.npForward(k, b)
		}
	}
	return k >= b || x.toks[k].is("after", "at", "in", "on", "during", "before", "following", "when", "while", "as", "ahead", "late", "earlier", "from", "to", "via", "by", "without", "yesterday", "today", "this", "last") || !x.toks[k].isWord()
}

func isQuoteMark(s string) bool { return s == "\"" || s == "”" || s == "“" || s == "»" }

// isPronoun reports the pronoun at token i, if the phrase is one.
func (x *extraction) pronoun(i, j int) string {
	if j-i != 1 {
		return ""
	}
	if _, ok := pronounKinds[x.toks[i].fold]; ok {
		return x.toks[i].fold
	}
	return ""
}

// resolve finds who a speaker phrase [i, j) stands for. It returns the
// speakers (several for "France and Britain"), the attribution to keep for
// an unnamed speaker, the rule used and how sure it is; no speakers when
// the text does not say.
func (x *extraction) resolve(i, j int) ([]*entity, string, string, float64) {
	if i < 0 || i >= j {
		return nil, "", "no-subject", 0
	}
	phrase := x.textOf(i, j)
	if p := x.pronoun(i, j); p != "" {
		if e := x.antecedent(p, i); e != nil {
			attr := ""
			if e.collective {
				attr = x.lastAttribution[e]
			}
			return []*entity{e}, attr, "pronoun", 0.8
		}
		return nil, "", "pronoun-unresolved", 0.2
	}
	var people, others []*mention
	for k := i; k < j; {
		if m := x.mention(k); m != nil {
			if m.ent.kind == kg.Person {
				people = append(people, m)
			} else {
				others = append(others, m)
			}
			k = m.tok1
			continue
		}
		k++
	}
	// The head noun comes before any "of", "for", "to", "in":
	// "Russia's mission to the U.N. in Geneva" is a mission.
	hk := j - 1
	for k := i; k < j; k++ {
		if m := x.mention(k); m != nil && m.tok0 == k {
			k = m.tok1 - 1 // "Bank of Ghana" is a name, not a head and its "of"
			continue
		}
		if x.toks[k].is("of", "for", "to", "in", "at", "with", "who", "familiar", "close") {
			hk = k - 1
			break
		}
	}
	head := x.toks[max(hk, i)]
	anonymous := attributionNouns[head.fold] && head.fold != "statement"
	// Mentions before the head name whose the unnamed speaker is.
	var owners []*mention
	for _, m := range append(append([]*mention{}, people...), others...) {
		if m.tok1 <= hk+1 {
			owners = append(owners, m)
		}
	}
	switch {
	case anonymous && orgNouns[head.fold] && len(owners) > 0 && owners[len(owners)-1].ent.kind == kg.Person:
		// "Mr. Hrytsenko's ministry": the body the person heads.
		if r := x.roleOf(owners[len(owners)-1].ent); r != nil {
			x.lastAttribution[r.of] = phrase
			return []*entity{r.of}, phrase, "unnamed-source", 0.75
		}
		return nil, phrase, "unresolved", 0.2
	case len(people) > 0 && !anonymous:
		// "NATO Secretary General Mark Rutte": the person is the speaker.
		return []*entity{people[len(people)-1].ent}, "", "named", 0.95
	case len(people) > 0 && len(owners) > 0 && owners[len(owners)-1].ent.kind == kg.Person && !orgNouns[head.fold]:
		return []*entity{owners[len(owners)-1].ent}, "", "named", 0.9
	case len(others) > 0 && anonymous:
		// "a White House official", "European officials", "the ministry",
		// "a spokesperson for the ministry".
		e := others[len(others)-1].ent
		for _, m := range owners {
			if m.ent.kind != kg.Person {
				e = m.ent
			}
		}
		x.lastAttribution[e] = phrase
		return []*entity{e}, phrase, "unnamed-source", 0.85
	case len(others) > 0:
		var out []*entity
		attr := ""
		for _, m := range others {
			if !slices.Contains(out, m.ent) {
				out = append(out, m.ent)
			}
			if m.form == formCapital || m.form == formPeople || m.ent.collective {
				attr = m.in(x.t)
			}
		}
		if len(out) == 1 && attr != "" {
			x.lastAttribution[out[0]] = attr
		}
		return out, attr, "named", 0.9
	}
	// "the president", "the NATO chief", "the minister": a title that a
	// person named earlier holds.
	if e := x.describedPerson(i, j); e != nil {
		return []*entity{e}, "", "description", 0.75
	}
	// "prosecutors said", "according to investigators": a body named in the
	// report whose name holds the noun ("Public Prosecutor's Office").
	if j-i <= 2 && (j-i == 1 || x.toks[i].is("the")) && anonymous {
		stem := strings.TrimSuffix(strings.TrimSuffix(head.fold, "s"), "or")
		if len(stem) >= 5 {
			for k := i - 1; k >= 0 && i-k <= lookBack; k-- {
				if m := x.mention(k); m != nil && m.ent.kind == kg.Organisation && strings.Contains(names.Fold(m.ent.name), stem) {
					return []*entity{m.ent}, phrase, "unnamed-source", 0.6
				}
			}
		}
	}
	// "the official", "the ministry": the unnamed source quoted last with
	// that noun.
	if anonymous && x.toks[i].is("the") {
		if e, attr := x.lastUnnamed(head.fold); e != nil {
			return []*entity{e}, attr, "unnamed-source-again", 0.75
		}
	}
	// "the alliance", "the ministry", "the company": the organisation
	// named last that goes by such a noun, or failing that the last one.
	if j-i >= 2 && j-i <= 4 && x.toks[i].is("the") && orgNouns[head.fold] {
		// "the company", "the central bank", "the finance ministry".
		if e := x.describedOrganisation(head.fold, i); e != nil {
			return []*entity{e}, "", "description", 0.7
		}
		if governmentNouns[head.fold] {
			if e := x.dominantNation(); e != nil {
				return []*entity{e}, phrase, "description-of-the-report's-nation", 0.5
			}
		}
	}
	// "the official": the unnamed source quoted last with that noun.
	if anonymous && x.toks[i].is("the") {
		if e, attr := x.lastUnnamed(head.fold); e != nil {
			return []*entity{e}, attr, "unnamed-source-again", 0.75
		}
	}
	// One capitalised word that stands alone wherever the text uses it
	// ("Kivo said"): the name of a company or body, not a surname.
	if j == i+1 && x.toks[i].capitalised() && x.standsAlone(x.toks[i].fold) {
		e := x.newOrganisation(i, j)
		e.rule, e.confidence = "single-name-speaker", 0.5
		return []*entity{e}, "", "new-name", 0.55
	}
	// A capitalised name not seen before: a new person, unless an
	// appositive says it is a body ("Transparencia Andina, an
	// anti-corruption group,").
	if end := x.nameAt(i); end == j && j-i >= 2 && x.bodyAppositive(j) {
		e := x.newOrganisation(i, j)
		return []*entity{e}, "", "new-name", 0.65
	}
	if end := x.nameAt(i); end == j && j-i >= 2 {
		p := x.newPerson(phrase, "speaker-name", 0.7)
		x.addMention(i, j, p, formName)
		return []*entity{p}, "", "new-name", 0.7
	}
	return nil, phrase, "unresolved", 0.2
}

// learnGenders sets a person's gender where the text makes it plain: an
// honorific (Mr., Ms.), or he/his/him or she/her in a sentence (outside
// quotations) where that person is the only one named before it.
func (x *extraction) learnGenders() {
	votes := map[*entity]int{}
	var only *entity
	sent := -1
	people := 0
	for k, t := range x.toks {
		if t.sent != sent {
			sent, only, people = t.sent, nil, 0
		}
		if t.inQuote {
			continue
		}
		if m := x.mention(k); m != nil && m.tok0 == k && m.ent.kind == kg.Person {
			if m.ent != only {
				people++
			}
			only = m.ent
			if k > 0 {
				switch x.toks[k-1].fold {
				case "mr":
					votes[m.ent] += 5
				case "mrs", "ms":
					votes[m.ent] -= 5
				}
			}
			continue
		}
		if only == nil || people != 1 {
			continue
		}
		switch t.fold {
		case "he", "his", "him":
			votes[only]++
		case "she", "her", "hers":
			votes[only]--
		}
	}
	for e, v := range votes {
		switch {
		case v > 0:
			e.gender = "m"
		case v < 0:
			e.gender = "f"
		}
	}
}

// antecedent resolves a pronoun subject at token i: the most recent
// compatible speaker, or failing that the most recent compatible entity
// named outside quotations.
func (x *extraction) antecedent(p string, i int) *entity {
	ok := func(e *entity) bool {
		switch p {
		case "he", "she", "i":
			return e.kind == kg.Person && (e.gender == "" || e.gender == map[string]string{"he": "m", "she": "f", "i": e.gender}[p])
		case "it":
			return e.kind != kg.Person && !e.collective
		default: // they, we
			return e.kind != kg.Person
		}
	}
	pos := x.toks[i].start
	para := x.paraOf(pos)
	// The subject of the sentence before, when it is a compatible person
	// or body: "Gen. Dale Pruitt briefed ministers. He said…"
	if si := x.toks[i].sent; si > 0 && (p == "he" || p == "she") {
		if e := x.subjectOf(si - 1); e != nil && ok(e) && x.paraOf(x.t.sents[si-1].start) >= para-1 {
			return e
		}
	}
	for k := len(x.said) - 1; k >= 0; k-- {
		s := x.said[k]
		if s.pos >= pos || para-x.paraOf(s.pos) > 3 {
			continue
		}
		if ok(s.who) {
			return s.who
		}
		break
	}
	return x.recent(i, ok)
}

// subjectOf is the person a sentence opens with, if it opens with one
// (after an introductory phrase set off by a comma, as in "In Warsaw,
// Polish Prime Minister Jan Kowalczyk wrote…").
func (x *extraction) subjectOf(si int) *entity {
	k := x.tokAt(x.t.sents[si].start)
	end := x.tokAt(x.t.sents[si].end)
	for tries := 0; tries < 2 && k < end; tries++ {
		j := k
		for j < end && (x.toks[j].is("the", "a", "an", "but", "and") || titleModifiers[x.toks[j].fold] || x.titleAt(j) > j) {
			if t := x.titleAt(j); t > j {
				j = t
			} else {
				j++
			}
		}
		for j < end {
			m := x.mention(j)
			if m == nil {
				break
			}
			if m.ent.kind == kg.Person {
				return m.ent
			}
			j = m.tok1
			if j < end && x.toks[j].possessive() {
				j++
			}
			for j < end && x.titleAt(j) > j {
				j = x.titleAt(j)
			}
		}
		// Skip an opening phrase up to its comma and try once more.
		for k < end && x.toks[k].text != "," {
			k++
		}
		k++
	}
	return nil
}

// describedPerson resolves "the president", "the NATO chief": a person
// named earlier in the report, or known to the graph, whose role matches.
func (x *extraction) describedPerson(i, j int) *entity {
	var of *entity
	k := i + 1
	if m := x.mention(i); m != nil && m.tok0 == i && m.ent.kind != kg.Person && m.tok1 < j && x.toks[m.tok1].possessive() {
		// "Moscow's envoy": a possessor, then the title.
		k = i
	} else if !x.toks[i].is("the") {
		return nil
	}
	if m := x.mention(k); m != nil && m.tok0 == k && m.ent.kind != kg.Person {
		of, k = m.ent, m.tok1
		if k < j && x.toks[k].possessive() {
			k++
		}
	}
	t := x.titleAt(k)
	if t != j {
		return nil
	}
	title := x.toks[k:t]
	matches := func(r *role) bool {
		if of != nil && r.of != of {
			return false
		}
		if len(title) == 1 && title[0].is("chief", "head", "leader", "envoy", "representative") && of != nil {
			return true
		}
		return sameTitle(r.title, x.textOf(k, t))
	}
	// The most recently named person with that role.
	for m := x.toks[i].start; ; {
		var best *entity
		bestAt := -1
		for _, e := range x.entities {
			if e.kind != kg.Person {
				continue
			}
			last := -1
			for _, mm := range e.mentions {
				if mm.start < m && mm.start > last && !x.toks[mm.tok0].inQuote && x.toks[i].start-mm.start < lookBack*8 {
					last = mm.start
				}
			}
			if last < 0 || last <= bestAt {
				continue
			}
			if r := x.roleOf(e); r != nil && matches(r) {
				best, bestAt = e, last
			} else if t := x.titleOf[e]; t != "" && of == nil && sameTitle(t, x.textOf(k, j)) {
				best, bestAt = e, last
			}
		}
		if best != nil {
			return best
		}
		break
	}
	// The graph may know who holds it.
	if of != nil {
		for _, r := range x.lex.roles {
			if r.OfID == of.id && (len(title) == 1 && title[0].is("chief", "head", "leader") || sameTitle(r.Title, x.textOf(k, t))) {
				if kp := x.lex.byID[r.PersonID]; kp != nil {
					return x.entityFor(kp)
				}
			}
		}
	}
	return nil
}

// governmentNouns are parts of a nation's state: "the ministry said" with
// no ministry named is the government of the nation the report is about.
var governmentNouns = foldedSet("ministry", "government", "cabinet", "presidency", "army", "military", "navy",
	"police", "coastguard", "embassy", "administration", "parliament")

// describedOrganisation resolves "the alliance" at token i: an
// organisation (or, for "the government" or "the country", a nation)
// named before it whose names contain the noun; for other nouns ("the
// company", "the group") the organisation named last. A part of the state
// with no body of that name named is nil here, for the caller to give the
// report's nation.
func (x *extraction) describedOrganisation(noun string, i int) *entity {
	want := kg.Organisation
	if noun == "government" || noun == "country" || noun == "nation" || noun == "state" {
		want = kg.Nation
	}
	if governmentNouns[noun] && want == kg.Organisation {
		for j := i - 1; j >= 0 && i-j <= lookBack; j-- {
			if m := x.mention(j); m != nil && m.ent.kind == kg.Organisation && !x.toks[j].inQuote {
				for _, n := range append([]string{m.ent.name}, m.ent.aliases...) {
					if strings.Contains(strings.ToLower(n), noun) {
						return m.ent
					}
				}
			}
		}
		return nil
	}
	var first *entity
	for j := i - 1; j >= 0 && i-j <= lookBack; j-- {
		m := x.mention(j)
		if m == nil || x.toks[j].inQuote || m.ent.kind != want || m.ent.collective {
			continue
		}
		if first == nil {
			first = m.ent
		}
		for _, n := range append([]string{m.ent.name}, m.ent.aliases...) {
			if strings.Contains(strings.ToLower(n), noun) {
				return m.ent
			}
		}
		j = m.tok0
	}
	return first
}

// bodyAppositive: the words after token j are ", a|an|the … group|company
// |…," — the name before is an organisation's.
func (x *extraction) bodyAppositive(j int) bool {
	if j+1 >= len(x.toks) || x.toks[j].text != "," || !x.toks[j+1].is("a", "an", "the") {
		return false
	}
	for k := j + 2; k < len(x.toks) && k-j <= 8; k++ {
		t := x.toks[k]
		if t.text == "," || !t.isWord() {
			return false
		}
		if orgNouns[t.fold] || orgDescriptors[t.fold] || orgHeads[t.fold] {
			return true
		}
	}
	return false
}

// standsAlone: every time the text uses the word, it is capitalised and
// no other capitalised word touches it, and it is no common word.
func (x *extraction) standsAlone(fold string) bool {
	if notNames[fold] || titles[fold] || stopwords[fold] || x.lex.entries[fold] != nil {
		return false
	}
	seen := 0
	for k, t := range x.toks {
		if t.fold != fold {
			continue
		}
		if !t.capitalised() || k > 0 && x.toks[k-1].capitalised() && x.toks[k-1].isWord() && !notNames[x.toks[k-1].fold] ||
			k+1 < len(x.toks) && x.toks[k+1].isWord() && x.toks[k+1].capitalised() {
			return false
		}
		seen++
	}
	return seen >= 2
}

func sameTitle(a, b string) bool {
	fa, fb := strings.ToLower(a), strings.ToLower(b)
	return fa == fb || strings.HasSuffix(fa, " "+fb)
}

// lastUnnamed is the most recent unnamed source whose attribution ends in
// noun ("a White House official" for "the official").
func (x *extraction) lastUnnamed(noun string) (*entity, string) {
	for k := len(x.said) - 1; k >= 0; k-- {
		s := x.said[k]
		if s.attribution != "" && strings.HasSuffix(strings.ToLower(s.attribution), noun) {
			return s.who, s.attribution
		}
	}
	return nil, ""
}

func (x *extraction) paraOf(pos int) int {
	i := sort.Search(len(x.t.paras), func(i int) bool { return pos < x.t.paras[i].end })
	return min(i, len(x.t.paras)-1)
}
