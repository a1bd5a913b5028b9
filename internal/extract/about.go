package extract

import (
	"math"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// linkStatements gives each statement what it is about, the event it was
// made at, and its topics.
func (x *extraction) linkStatements(ranges [][2]int) {
	for _, st := range x.statements {
		a, b := ranges[st.sentence][0], ranges[st.sentence][1]
		st.event = x.eventOfStatement(st, a, b)
		x.aboutOf(st)
	}
}

// eventOfStatement: a statement made "at", "to" or "after" an event its
// sentence names outside the reported words ("told a press conference",
// "said at a conference in Prague", "On his call with…, Trump said").
func (x *extraction) eventOfStatement(st *statement, a, b int) *event {
	c0, c1 := x.tokAt(st.content.start), x.tokAt(st.content.end)
	for k := a; k < b; k++ {
		if k >= c0 && k < c1 || x.toks[k].inQuote {
			continue
		}
		ev := x.eventAt(k)
		if ev == nil {
			continue
		}
		for p := k - 1; p >= a && p >= k-6; p-- {
			if x.toks[p].is("at", "to", "after", "during", "on", "following", "before", "ahead") {
				return ev
			}
			if x.isSpeechVerbAt(p) {
				return ev
			}
		}
	}
	return nil
}

// aboutOf collects what a statement is about: the entities and events
// named in its words, the object of its verb, and the speaker's own nation
// where the words speak of it ("his country", "we", "it would decide").
func (x *extraction) aboutOf(st *statement) {
	add := func(e *entity) {
		if e == nil || e == st.speaker && e.kind == kg.Person || containsEntity(st.about, e) {
			return
		}
		st.about = append(st.about, e)
	}
	c0, c1 := x.tokAt(st.content.start), x.tokAt(st.content.end)
	own := x.ownNation(st.speaker)
	for k := c0; k < c1 && k < len(x.toks); k++ {
		t := x.toks[k]
		if m := x.mention(k); m != nil {
			if m.ent == st.speaker && st.speaker.kind != kg.Person {
				add(m.ent)
			} else if m.ent != st.speaker {
				add(m.ent)
			}
			k = m.tok1 - 1
			continue
		}
		switch {
		case t.is("country", "nation", "government") && k > c0 && x.toks[k-1].is("his", "her", "their", "our", "its"):
			add(own)
		case t.is("we", "our", "us") && st.kind == kg.Quote:
			add(own)
		case t.is("he", "she") && st.kind == kg.Paraphrase && st.speaker != nil && st.speaker.kind == kg.Person:
			add(own)
		case t.is("it", "they") && st.speaker != nil && st.speaker.kind != kg.Person:
			add(st.speaker)
		}
		if ev := x.eventAt(k); ev != nil && !containsEvent(st.aboutEvents, ev) && ev != st.event {
			st.aboutEvents = append(st.aboutEvents, ev)
		}
	}
	if st.verbObject != nil {
		add(st.verbObject)
	}
}

func containsEvent(list []*event, ev *event) bool {
	for _, e := range list {
		if e == ev {
			return true
		}
	}
	return false
}

// ownNation is the nation a speaker belongs to: itself, or the nation a
// person holds office in.
func (x *extraction) ownNation(e *entity) *entity {
	if e == nil {
		return nil
	}
	if e.kind == kg.Nation {
		return e
	}
	if e.kind == kg.Person {
		if r := x.roleOf(e); r != nil && r.of.kind == kg.Nation {
			return r.of
		}
	}
	return nil
}

// topicModel scores statements against the graph's topics: a topic's
// name in the words, or enough of the distinctive words of the
// statements already on it.
type topicModel struct {
	topics []kg.TopicText
	names  [][]string
	words  []map[string]float64
}

var stopwords = foldedSet("the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "that", "this",
	"is", "are", "was", "were", "be", "been", "will", "would", "it", "its", "he", "she", "they", "we", "i", "at",
	"as", "by", "from", "has", "have", "had", "not", "but", "said", "says", "their", "his", "her", "our", "which",
	"who", "there", "more", "must", "should", "can", "could", "also", "than", "so", "if", "into", "about", "after",
	"over", "out", "up", "all", "any", "some", "no", "do", "does", "did", "what", "when", "very", "such", "only")

func newTopicModel(topics []kg.TopicText) *topicModel {
	tm := &topicModel{topics: topics}
	df := map[string]int{}
	bags := make([]map[string]int, len(topics))
	for i, t := range topics {
		tm.names = append(tm.names, contentWords(t.Name))
		bags[i] = map[string]int{}
		for _, w := range contentWords(t.Text) {
			bags[i][w]++
		}
		for w := range bags[i] {
			df[w]++
		}
	}
	for i := range topics {
		m := map[string]float64{}
		for w, n := range bags[i] {
			if n >= 1 {
				m[w] = math.Log(float64(len(topics)+1) / float64(df[w]))
			}
		}
		tm.words = append(tm.words, m)
	}
	return tm
}

// contentWords folds text and keeps words that are not stop words, cut
// to a crude stem so "sanction" meets "sanctions".
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(names.Fold(s)) {
		if stopwords[w] || len(w) < 3 {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func stem(w string) string {
	for _, suf := range []string{"ing", "ies", "es", "s", "ed"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// topicsFor proposes topics for a statement's text.
func (tm *topicModel) topicsFor(text string) []string {
	words := contentWords(text)
	have := map[string]bool{}
	for _, w := range words {
		have[w] = true
	}
	var out []string
	for i, t := range tm.topics {
		all := len(tm.names[i]) > 0
		for _, w := range tm.names[i] {
			all = all && have[w]
		}
		score := 0.0
		hits := 0
		for w := range have {
			if v, ok := tm.words[i][w]; ok && v > 0.5 {
				score += v
				hits++
			}
		}
		if all || hits >= 3 && score >= 4 {
			out = append(out, t.ID)
		}
	}
	return out
}
