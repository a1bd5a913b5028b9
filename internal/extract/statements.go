package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/internal/kg"
)

// statement is a proposed QUOTE or PARAPHRASE.
type statement struct {
	kind        kg.StatementKind
	text        string
	speaker     *entity // nil: the text does not say who
	attribution string
	ev          span
	content     span // the quoted words, or the reported clause
	about       []*entity
	aboutEvents []*event
	event       *event
	date        string
	topics      []string
	rule        string
	confidence  float64
	// q is the quotation of a QUOTE.
	q *quote
	// verbObject is the entity a verb acts on ("accused Putin"), if any.
	verbObject *entity
	cue        *cue
	sentence   int
}

// saidAt records who spoke at a position, for pronouns and "the official".
type saidAt struct {
	pos         int
	who         *entity
	attribution string
}

// sentenceTokens gives each sentence's token range.
func (x *extraction) sentenceTokens() [][2]int {
	out := make([][2]int, len(x.t.sents))
	k := 0
	for si, s := range x.t.sents {
		for k < len(x.toks) && x.toks[k].start < s.start {
			k++
		}
		a := k
		for k < len(x.toks) && x.toks[k].start < s.end {
			k++
		}
		out[si] = [2]int{a, k}
	}
	return out
}

// tokAt is the first token starting at or after byte pos.
func (x *extraction) tokAt(pos int) int {
	return sort.Search(len(x.toks), func(i int) bool { return x.toks[i].start >= pos })
}

// findStatements walks the sentences in order, proposing a QUOTE for every
// quotation that is speech and a PARAPHRASE for every report of speech.
func (x *extraction) findStatements() {
	ranges := x.sentenceTokens()
	var lastQuote *statement // the last QUOTE made, for bare quotation paragraphs
	for si, s := range x.t.sents {
		a, b := ranges[si][0], ranges[si][1]
		if a >= b || x.t.proseless(s.para) {
			continue
		}
		cues := x.cuesIn(a, b)
		x.assignSubjects(cues, a, b)
		for _, c := range cues {
			if c.subj0 >= 0 && c.subj1 > c.subj0 {
				c.speakers, c.attribution, c.how, c.sureness = x.resolve(c.subj0, c.subj1)
				// The subject of a speech verb is who "he" means next,
				// even when what it reports is too short to propose.
				if len(c.speakers) == 1 {
					x.said = append(x.said, saidAt{pos: x.toks[c.verb0].start, who: c.speakers[0], attribution: c.attribution})
				}
			} else {
				c.how = "no-subject"
			}
		}
		quoteOwner := map[*cue]bool{}
		var prevInSentence *statement
		for _, qi := range s.quotes {
			q := x.t.quotes[qi]
			q0 := x.tokAt(q.inner.start)
			c, how := x.cueForQuote(q, q0, cues, a, b)
			if c == nil && x.isName(q, q0, a, cues) {
				continue
			}
			if c != nil && how == "before" && x.titleCased(q) && !x.quoteOnlySentence(q, q0) {
				// "pressed the alliance to widen "Northern Lantern"",
				// "described in her memoir, "Triage at Dawn."": a name.
				continue
			}
			st := &statement{kind: kg.Quote, text: q.words(x.t), q: q, content: q.inner, sentence: si}
			if strings.TrimSpace(st.text) == "" {
				continue // marks around nothing but punctuation
			}
			switch {
			case c != nil && how == "after":
				st.ev = span{q.start, x.clauseEnd(c, b)}
				x.fromCue(st, c, "quote-then-attribution", 0.95)
				quoteOwner[c] = true
			case c != nil && how == "before":
				st.ev = span{x.toks[min(c.subj0, c.verb0)].start, q.end}
				if c.inverted || c.subj0 < 0 {
					st.ev.start = x.toks[c.verb0].start
				}
				if q.start > x.toks[c.verb1-1].end+3 {
					// A few words quoted inside reported speech.
					st.ev = x.sentenceSpan(a, b)
					x.fromCue(st, c, "partial-quote", 0.85)
				} else {
					x.fromCue(st, c, "attribution-then-quote", 0.9)
					quoteOwner[c] = true
				}
			case prevInSentence != nil:
				st.ev = q.span
				x.copySpeaker(st, prevInSentence, "split-quote", 0.85)
			case q.continues && lastQuote != nil && lastQuote.q != nil && lastQuote.q.para == q.para-1:
				st.ev = q.span
				x.copySpeaker(st, lastQuote, "continued-quote", 0.85)
			default:
				st.ev = q.span
				if nb := x.neighbourCue(si, ranges); nb != nil {
					x.fromCue(st, nb, "neighbour-attribution", 0.75)
				} else if p := x.previousSubject(si, q); p != nil {
					// "Saar was blunter. "This is sabotage."": the person the
					// sentence before is about.
					st.speaker, st.rule, st.confidence = p, "previous-sentence-subject", 0.6
				} else if lastQuote != nil && lastQuote.speaker != nil && x.t.sents[lastQuote.sentence].para >= q.para-1 && x.quoteOnly(q, a, b) {
					x.copySpeaker(st, lastQuote, "same-speaker-goes-on", 0.6)
				} else if q.open {
					st.rule, st.confidence = "open-quote", 0.3 // resolved from the next paragraph below
				} else {
					st.rule, st.confidence = "unattributed-quote", 0.2
				}
			}
			// Whatever the rule, a QUOTE's evidence holds its words.
			st.ev = x.trimEvidence(st.ev.union(q.span))
			x.statements = append(x.statements, st)
			prevInSentence = st
			lastQuote = st
			x.remember(st)
			// "Finland and Estonia accused Russia of a "campaign"": each said it.
			if st.cue != nil && len(st.cue.speakers) > 1 && st.speaker == st.cue.speakers[0] {
				for _, sp := range st.cue.speakers[1:] {
					cp := *st
					cp.speaker = sp
					x.statements = append(x.statements, &cp)
				}
			}
		}
		for _, c := range cues {
			if quoteOwner[c] || c.embedded || x.nestedCue(c, cues, a, b) {
				continue
			}
			x.paraphrase(c, cues, a, b, si)
		}
	}
	x.fillOpenQuotes()
	x.reportsInsideQuotes()
}

// reportsInsideQuotes finds speech reported inside a quotation: "'The
// president also emphasized that Europe must …,' the official said" is the
// official's QUOTE and also the president's PARAPHRASE, when the quotation
// opens with a person (named, or described by a title) and a verb of
// saying.
func (x *extraction) reportsInsideQuotes() {
	n := len(x.statements)
	for _, st := range x.statements[:n] {
		if st.kind != kg.Quote || st.q == nil || st.speaker == nil {
			continue
		}
		q0, q1 := x.tokAt(st.q.inner.start), x.tokAt(st.q.inner.end)
		v := q0
		for v < q1 && v-q0 < 6 {
			if k, ok := speechVerbs[x.toks[v].fold]; ok && k == report && v > q0 {
				break
			}
			v++
		}
		if v >= q1 || v-q0 >= 6 {
			continue
		}
		subj := v
		for subj > q0 && auxiliaries[x.toks[subj-1].fold] {
			subj--
		}
		var who *entity
		if m := x.mention(q0); m != nil && m.ent.kind == kg.Person && m.tok1 == subj {
			who = m.ent
		} else if x.toks[q0].is("the") {
			who = x.describedPerson(q0, subj)
		}
		if who == nil || who == st.speaker {
			continue
		}
		c0 := v + 1
		if c0 < q1 && x.toks[c0].is("that") {
			c0++
		}
		c1 := q1
		for c1 > c0 && !x.toks[c1-1].isWord() {
			c1--
		}
		if c1-c0 < 3 {
			continue
		}
		raw := strings.TrimRight(strings.Join(strings.Fields(x.t.s[x.toks[c0].start:x.toks[c1-1].end]), " "), " ,;:.")
		r, size := utf8.DecodeRuneInString(raw)
		p := &statement{kind: kg.Paraphrase, text: string(unicode.ToUpper(r)) + raw[size:] + ".", speaker: who,
			ev: st.ev, content: span{x.toks[c0].start, x.toks[c1-1].end}, sentence: st.sentence,
			rule: "report-inside-quote", confidence: 0.5, cue: st.cue}
		x.statements = append(x.statements, p)
	}
}

// nestedCue: a cue inside what an earlier cue of the sentence reports
// ("Macron said the coalition … had agreed to …") is part of that report.
// Inside what a trailing cue reports ("Trump said …, an official said")
// it is a report of its own when its speaker is known.
func (x *extraction) nestedCue(c *cue, cues []*cue, a, b int) bool {
	if c.trailing {
		return false
	}
	for _, d := range cues {
		if d == c || d.embedded || d.coordinated && c.coordinated {
			continue
		}
		if d.verb0 > c.verb0 && !(d.trailing && len(c.speakers) == 0) {
			continue
		}
		if d.verb0 < c.verb0 && (d.trailing || c.coordinated) {
			continue
		}
		if c0, c1 := x.contentOf(d, cues, a, b); c0 >= 0 && c0 <= c.verb0 && c.verb0 < c1 {
			return true
		}
	}
	return false
}

// remember notes who spoke, for later pronouns.
func (x *extraction) remember(st *statement) {
	if st.speaker != nil {
		x.said = append(x.said, saidAt{pos: st.ev.start, who: st.speaker, attribution: st.attribution})
	}
}

// fillOpenQuotes gives a quotation left open at the end of a paragraph
// the speaker of the quotation that continues it.
func (x *extraction) fillOpenQuotes() {
	for i := len(x.statements) - 1; i >= 0; i-- {
		st := x.statements[i]
		if st.rule != "open-quote" || st.q == nil {
			continue
		}
		for _, next := range x.statements[i+1:] {
			if next.q != nil && next.q.continues && next.q.para == st.q.para+1 && next.speaker != nil {
				x.copySpeaker(st, next, "continued-quote", 0.8)
				break
			}
		}
		if st.speaker == nil {
			st.rule = "unattributed-quote"
			st.confidence = 0.2
		}
	}
}

func (x *extraction) fromCue(st *statement, c *cue, rule string, conf float64) {
	st.cue = c
	st.rule = rule + "/" + c.how
	st.confidence = conf * max(c.sureness, 0.2)
	st.attribution = c.attribution
	if len(c.speakers) > 0 {
		st.speaker = c.speakers[0]
	} else {
		st.confidence = min(st.confidence, 0.25)
	}
}

func (x *extraction) copySpeaker(st, from *statement, rule string, conf float64) {
	st.speaker, st.attribution, st.cue = from.speaker, from.attribution, from.cue
	st.rule = rule
	st.confidence = conf * max(from.confidence, 0.2)
	if st.speaker == nil {
		st.confidence = min(st.confidence, 0.25)
	}
}

// cueForQuote finds the cue that attributes a quotation: one that follows
// it directly ("…," Macron said), or one before it in the sentence (Trump
// said: "…"; X called the plan "reckless").
func (x *extraction) cueForQuote(q *quote, q0 int, cues []*cue, a, b int) (*cue, string) {
	after := x.tokAt(q.end)
	for after < b && (x.toks[after].text == "," || !x.toks[after].isWord() && !x.toks[after].inQuote && after < b && strings.ContainsAny(x.toks[after].text, "—–-")) {
		after++
	}
	for _, c := range cues {
		first := c.verb0
		if c.subj0 >= 0 && c.subj0 < c.verb0 {
			first = c.subj0
		}
		// The subject may start a word or three later than the phrase
		// the rules read ("EU tech commissioner Johanna Reisinger told").
		if first == after || !c.embedded && c.subj0 >= 0 && first == c.subj0 && first > after && first-after <= 3 && x.wordsOnly(after, first) {
			return c, "after"
		}
		// "…," the group's coordinator, Lucía Pardo, told …: the title
		// comes first and the name stands in apposition to it.
		if !c.embedded && c.subj0 >= 0 && first == c.subj0 && first > after+1 && first-after <= 9 &&
			x.toks[first-1].text == "," && x.containsTitle(after, first-1) && !x.quoteBetween(after, first-1) {
			return c, "after"
		}
	}
	var before *cue
	for _, c := range cues {
		if c.verb1 <= q0 && (c.subj0 >= 0 || c.according) {
			before = c
		}
	}
	if before != nil && !x.quoteBetween(before.verb1, q0-1) {
		return before, "before"
	}
	return nil, ""
}

// isName: a short quotation that no cue attributes is a name or a scare
// quote ("coalition of the willing", "Operation Sandstorm"), not speech.
func (x *extraction) isName(q *quote, q0, a int, cues []*cue) bool {
	words := q.wordCount(x.t)
	prev := q0 - 2 // the token before the opening mark
	if prev >= a && x.toks[prev].is("the", "so-called", "dubbed", "called", "named", "nicknamed", "titled",
		"entitled", "operation", "plan", "slogan", "book", "film", "song", "campaign", "as", "term", "word", "phrase", "label", "its", "his", "her", "their") && words <= 8 {
		return true
	}
	// A sentence that is nothing but a short quotation ("“Today they
	// agreed.”") is speech; a few quoted words inside a sentence are a
	// name or a scare quote.
	if x.quoteOnlySentence(q, q0) {
		return false
	}
	if words <= 4 {
		return true
	}
	// Words in quotation marks inside a sentence that reports no speech
	// at all ("crews nicknamed the tanker "the Ghost of the Baltic"") are a
	// name, unless they run long.
	if len(cues) == 0 && words < 8 {
		return true
	}
	inner := q.inner.in(x.t)
	caps := 0
	for _, w := range strings.Fields(inner) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return words <= 6 && caps == words
}

// titleCased: a short quotation whose words are all capitalised but for
// small words ("Triage at Dawn", "Northern Lantern"): a title or a name.
func (x *extraction) titleCased(q *quote) bool {
	words := strings.Fields(strings.TrimRight(q.inner.in(x.t), ".,;:!?"))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			continue
		}
		if i > 0 && smallWords[strings.ToLower(w)] {
			continue
		}
		return false
	}
	return true
}

var smallWords = foldedSet("a", "an", "the", "of", "at", "in", "on", "for", "and", "or", "to", "by", "with", "from", "de", "la", "le")

// quoteOnlySentence: no word outside the quotation in its sentence.
func (x *extraction) quoteOnlySentence(q *quote, q0 int) bool {
	si := x.toks[q0].sent
	for k := q0; k >= 0 && x.toks[k].sent == si; k-- {
		if x.toks[k].isWord() && !x.toks[k].inQuote {
			return false
		}
	}
	for k := q0; k < len(x.toks) && x.toks[k].sent == si; k++ {
		if x.toks[k].isWord() && !x.toks[k].inQuote {
			return false
		}
	}
	return true
}

// quoteOnly: the sentence is nothing but the quotation.
func (x *extraction) quoteOnly(q *quote, a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].isWord() && !x.toks[k].inQuote {
			return false
		}
	}
	return true
}

// neighbourCue finds an attribution for a quotation sentence in the next
// sentence of the same paragraph when that sentence reports nothing else
// ("He said." / "Smith added."), or in the one before when it ends with
// an attributed quotation.
func (x *extraction) neighbourCue(si int, ranges [][2]int) *cue {
	para := x.t.sents[si].para
	if si+1 < len(x.t.sents) && x.t.sents[si+1].para == para && len(x.t.sents[si+1].quotes) == 0 {
		a, b := ranges[si+1][0], ranges[si+1][1]
		cues := x.cuesIn(a, b)
		x.assignSubjects(cues, a, b)
		words := 0
		for k := a; k < b; k++ {
			if x.toks[k].isWord() {
				words++
			}
		}
		if len(cues) == 1 && words <= 6 && cues[0].subj0 >= 0 {
			c := cues[0]
			c.speakers, c.attribution, c.how, c.sureness = x.resolve(c.subj0, c.subj1)
			return c
		}
	}
	for k := len(x.statements) - 1; k >= 0; k-- {
		st := x.statements[k]
		if st.sentence == si-1 && x.t.sents[si-1].para == para && st.kind == kg.Quote && st.cue != nil {
			return st.cue
		}
		if st.sentence < si-1 {
			break
		}
	}
	return nil
}

// previousSubject is the person the sentence before opens with, when
// that sentence is in the same paragraph, reports no speech itself, and
// the quotation stands alone in its own sentence.
func (x *extraction) previousSubject(si int, q *quote) *entity {
	if si == 0 || x.t.sents[si-1].para != x.t.sents[si].para || len(x.t.sents[si-1].quotes) > 0 {
		return nil
	}
	q0 := x.tokAt(q.inner.start)
	if !x.quoteOnlySentence(q, q0) {
		return nil
	}
	a, b := x.tokAt(x.t.sents[si-1].start), x.tokAt(x.t.sents[si-1].end)
	if len(x.cuesIn(a, b)) > 0 {
		return nil
	}
	return x.subjectOf(si - 1)
}

// clauseEnd is where a trailing attribution's clause ends: the sentence's
// end.
func (x *extraction) clauseEnd(c *cue, b int) int {
	return x.toks[b-1].end
}

func (x *extraction) sentenceSpan(a, b int) span {
	return span{x.toks[a].start, x.toks[b-1].end}
}

// trimEvidence drops a leading "But", "And" and white space.
func (x *extraction) trimEvidence(sp span) span {
	sp = trimSpan(x.t.s, sp)
	return sp
}

// paraphrase proposes a PARAPHRASE for a cue that reports speech rather
// than quoting it.
func (x *extraction) paraphrase(c *cue, cues []*cue, a, b, si int) {
	if x.toks[c.verb0].is("asked", "replied", "responded") {
		return
	}
	c0, c1 := x.contentOf(c, cues, a, b)
	if c0 < 0 {
		return
	}
	words, quoted := 0, 0
	for k := c0; k < c1; k++ {
		if x.toks[k].isWord() {
			words++
			if x.toks[k].inQuote {
				quoted++
			}
		}
	}
	if x.characterises(c) {
		return // 'called the plan "reckless"': the quotation is the statement
	}
	switch n := words - quoted; {
	case (c.kind == dismiss || c.kind == accuse || c.kind == deny || c.kind == urge) && n >= 2:
	case n >= 4:
	case n == 3 && x.clauseAt(c0, c1):
	default:
		return
	}
	if x.toks[c0].is("if", "whether", "how", "why", "what", "when") {
		return
	}
	// "Finland pledged 12 million euros", "announced new funding": an
	// act, not speech, unless a clause follows ("pledged to…", "pledged
	// they would…").
	if x.toks[c.verb0].is("pledged", "promised", "vowed", "announced", "agreed", "welcomed", "praised", "condemned", "criticised",
		"criticized", "urged", "reported", "posted", "estimated", "forecast", "projected", "revealed", "disclosed") && !x.clauseAt(c0, c1) {
		if c.kind != dismiss && c.kind != urge {
			return
		}
	}
	// A narrator's clause after a comma is not what was said: "…, as
	// protests spread".
	for k := c0 + 1; k+1 < c1; k++ {
		if x.toks[k].text == "," && x.toks[k+1].is("as", "amid", "while", "after", "before", "when", "despite") && !x.toks[k].inQuote {
			c1 = k
			break
		}
	}
	st := &statement{kind: kg.Paraphrase, content: span{x.toks[c0].start, x.toks[c1-1].end}, sentence: si}
	st.text = x.paraphraseText(c, c0, c1)
	first, last := c0, c1
	for _, k := range []int{c.verb0, c.subj0} {
		if k >= 0 && k < first {
			first = k
		}
	}
	for _, k := range []int{c.verb1, c.subj1} {
		if k > last {
			last = k
		}
	}
	if last < b && !x.toks[last].isWord() && x.toks[b-1].end-x.toks[last].start < 3 {
		last = b
	}
	st.ev = x.trimEvidence(span{x.toks[first].start, x.toks[last-1].end})
	rule := "reported-speech"
	switch {
	case c.according:
		rule = "according-to"
	case c.trailing:
		rule = "trailing-attribution"
	case c.kind == accuse:
		rule = "accused-of"
	case c.kind == dismiss:
		rule = "stance-verb"
	}
	x.fromCue(st, c, rule, 0.8)
	if c.kind == accuse || c.kind == urge || c.kind == tell {
		if m := x.mention(c.verb1); m != nil && m.tok0 == c.verb1 {
			st.verbObject = m.ent
		}
	}
	speakers := c.speakers
	x.statements = append(x.statements, st)
	x.remember(st)
	// "France and Britain have indicated…": one statement each.
	for _, sp := range speakers[min(1, len(speakers)):] {
		cp := *st
		cp.speaker = sp
		x.statements = append(x.statements, &cp)
	}
}

// contentOf is the clause a cue reports: after the verb (and its object
// for told/urged/accused), or before a trailing cue.
func (x *extraction) contentOf(c *cue, cues []*cue, a, b int) (int, int) {
	end := b
	for end > a && !x.toks[end-1].isWord() && !x.toks[end-1].inQuote {
		end--
	}
	if c.trailing {
		stop := c.subj0
		if c.inverted || c.according || stop < 0 {
			stop = c.verb0
		}
		for stop > a && !x.toks[stop-1].isWord() {
			stop--
		}
		start := a
		// The clause may itself be a report ("Trump said Europe must…, an
		// official said"): the whole of it is what the source said.
		for start < stop && (x.toks[start].is("but", "and", "so") || !x.toks[start].isWord()) && !x.toks[start].inQuote {
			start++
		}
		if start >= stop {
			return -1, -1
		}
		return start, stop
	}
	k := c.verb1
	if c.according {
		k = c.subj1
		if k < b && x.toks[k].text == "," {
			k++
		}
	}
	if c.inverted {
		k = c.subj1
	}
	// Time and place right after the verb: "said on Thursday", "told
	// reporters in Kyiv".
	skip := func() {
		for k < end {
			switch {
			case x.toks[k].is("on") && k+1 < end && isMonthOrDay(x.toks[k+1].fold):
				k += 2
				for k < end && (x.toks[k].fold != "" && isNumber(x.toks[k].text) || x.toks[k].text == "," || x.toks[k].text == ".") {
					k++
				}
			case x.toks[k].is("yesterday", "today", "earlier", "later", "also", "again", "repeatedly", "publicly", "privately", "separately"):
				k++
			case x.toks[k].is("on", "in", "via") && k+2 < end && x.toks[k+1].is("social", "a", "an", "his", "her", "their", "its", "x", "twitter", "facebook", "telegram", "television", "tv", "radio", "parliament"):
				// "wrote on social media", "said in a statement", "told
				// parliament in an interview"
				j := k + 1
				for j < end && j-k <= 4 && x.toks[j].isWord() && !x.toks[j].is("that") && (x.toks[j].is("social", "media", "a", "an", "his", "her", "their", "its", "x", "twitter", "facebook", "telegram", "television", "tv", "radio", "parliament", "statement", "interview", "post", "posting", "speech", "video", "briefing", "letter", "message", "broadcast", "televised", "written", "joint", "address", "emailed", "separate") || x.toks[j].capitalised()) {
					j++
				}
				if j == k+1 {
					return
				}
				k = j
			case x.toks[k].text == ",":
				k++
			case x.toks[k].is("in", "at") && k+1 < end && x.toks[k+1].capitalised() && x.toks[k+1].fold != "a":
				j := k + 1
				for j < end && x.toks[j].capitalised() {
					j++
				}
				k = j
			default:
				return
			}
		}
	}
	skip()
	if x.toks[c.verb0].is("agreed") && k+1 < end && x.toks[k].is("with") {
		k = x.npForward(k+1, end)
	}
	if c.kind == accuse {
		// "accused the company of abandoning its staff": the object runs
		// to "of".
		for j := k; j < end && j-k <= 8; j++ {
			if x.toks[j].is("of") {
				k = j
				break
			}
		}
	}
	switch c.kind {
	case tell, urge:
		if k < end {
			if m := x.mention(k); m != nil && m.tok0 == k {
				k = m.tok1
			} else if x.toks[k].is("reporters", "journalists", "parliament", "lawmakers", "supporters", "me", "him", "her", "them", "us", "allies", "ministers", "colleagues", "officials", "diplomats", "delegates", "members", "leaders", "investors", "analysts", "the") && !x.toks[k].is("the") {
				k++
			} else if x.toks[k].is("a", "the", "his", "her", "their", "its") {
				k = x.npForward(k, end)
			} else if x.toks[k].capitalised() {
				k = x.npForward(k, end)
			}
		}
		skip()
	}
	if k < end && x.toks[k].is("that", ":", ",") {
		k++
	}
	if c.kind == accuse && k < end && x.toks[k].is("of") {
		k++
	}
	if c.kind == urge && k < end && x.toks[k].is("to") {
		k++
	}
	// Up to the next cue that starts a report of its own.
	for _, d := range cues {
		if d == c || d.verb0 <= c.verb0 {
			continue
		}
		stop := d.verb0
		if d.subj0 >= 0 && d.subj0 < stop && !d.coordinated {
			stop = d.subj0
		}
		if d.trailing || d.coordinated || (stop > k+1 && x.toks[stop-1].is("but", "and") && x.toks[stop-2].text == ",") {
			for stop > k && (!x.toks[stop-1].isWord() || x.toks[stop-1].is("but", "and")) {
				stop--
			}
			if stop < end {
				end = stop
			}
			break
		}
	}
	if k >= end {
		return -1, -1
	}
	// The whole of it a quotation: that is the QUOTE, not a paraphrase.
	if x.toks[k].inQuote || (!x.toks[k].isWord() && k+1 < end && x.toks[k+1].inQuote && x.quoteCovers(k, end)) {
		return -1, -1
	}
	return k, end
}

// characterises: a verb that only reports speech through the quotation
// that follows it ("called the plan "reckless"", "described it as").
func (x *extraction) characterises(c *cue) bool {
	return c.verb1 == c.verb0+1 && x.toks[c.verb0].is("called", "described", "branded", "labelled", "labeled", "termed", "dubbed")
}

// clauseAt: the words at c0 start a clause or an infinitive: "to act",
// "that …", "they would …", "Italy was …".
func (x *extraction) clauseAt(c0, c1 int) bool {
	t := x.toks[c0]
	if t.is("to", "that") {
		return true
	}
	for k := c0 + 1; k < c1 && k <= c0+4; k++ {
		if x.toks[k].is("would", "will", "could", "should", "must", "may", "might", "can", "was", "were", "is", "are", "had", "has", "have") {
			return true
		}
	}
	return false
}

// wordsOnly: [i, j) holds only words outside quotations (no punctuation).
func (x *extraction) wordsOnly(i, j int) bool {
	for k := i; k < j; k++ {
		if !x.toks[k].isWord() || x.toks[k].inQuote {
			return false
		}
	}
	return true
}

// quoteCovers: every word in [i, j) is inside a quotation.
func (x *extraction) quoteCovers(i, j int) bool {
	for k := i; k < j; k++ {
		if x.toks[k].isWord() && !x.toks[k].inQuote {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// stanceEndings turn a noun reported by a stance verb into a claim.
var stanceEndings = map[string]string{
	"ruled out": " is ruled out", "called for": " is needed", "appealed for": " is needed", "calls for": " is needed", "call for": " is needed",
	"dismissed": " should be dismissed", "rejected": " is rejected", "rejects": " is rejected",
	"welcomed": " is welcome", "condemned": " is condemned", "criticised": " is wrong", "criticized": " is wrong",
	"praised": " deserves praise",
}

// paraphraseText words the reported content as a sentence of its own.
func (x *extraction) paraphraseText(c *cue, c0, c1 int) string {
	raw := x.t.s[x.toks[c0].start:x.toks[c1-1].end]
	raw = strings.NewReplacer("\"", "", "“", "", "”", "", "\n", " ").Replace(raw)
	raw = strings.Join(strings.Fields(raw), " ")
	raw = strings.TrimRight(raw, " ,;:.-—–")
	verb := strings.ToLower(x.textOf(c.verb0, c.verb1))
	switch c.kind {
	case accuse:
		// "accused Putin of conspiring with China" → "Putin is conspiring
		// with China".
		obj := x.textOf(c.verb1, c0)
		obj = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(obj), " of"))
		if obj != "" && obj != "of" {
			raw = obj + " is " + raw
		}
	case dismiss:
		if end, ok := stanceEndings[verb]; ok {
			raw += end
		}
	case urge:
		obj := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(x.textOf(c.verb1, c0)), " to"))
		if obj != "" && obj != "to" {
			raw = obj + " should " + raw
		}
	case deny:
		if x.clauseAt(c0, c1) {
			raw = "It is not true that " + raw
		} else if strings.HasSuffix(raw, "s") {
			raw += " are denied" // "denied the charges"
		} else {
			raw += " is denied"
		}
	}
	if raw == "" {
		return raw
	}
	r, n := utf8.DecodeRuneInString(raw)
	return string(unicode.ToUpper(r)) + raw[n:] + "."
}
