package extract

import (
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// event is a summit, meeting, call… the report names.
type event struct {
	id           string
	name, kind   string
	date         string
	location     string
	evidence     []span
	participants []participant
	confidence   float64
	// phrases are the token ranges that name it.
	phrases [][2]int
	// definite: named with "the", "his"…, so it may be an event named
	// before.
	definite bool
}

type participant struct {
	who *entity
	ev  span
}

// eventWordAt matches an event word (one or two words) at token i.
func (x *extraction) eventWordAt(i int) (int, string) {
	if i+1 < len(x.toks) {
		if k, ok := eventWords[x.toks[i].fold+" "+x.toks[i+1].fold]; ok {
			return i + 2, k
		}
	}
	if k, ok := eventWords[x.toks[i].fold]; ok {
		return i + 1, k
	}
	return i, ""
}

// findEvents finds event phrases: "a summit meeting of Kyiv's allies on
// Thursday", "a press conference at the Elysee Palace in Paris", "the
// Paris summit", "his call with the coalition leaders", "after meeting
// Antonio Costa". The same kind of event at the same place, or with no
// place given, is taken to be one event.
func (x *extraction) findEvents() {
	ranges := x.sentenceTokens()
	for si := range x.t.sents {
		a, b := ranges[si][0], ranges[si][1]
		for i := a; i < b; i++ {
			t := x.toks[i]
			if t.inQuote || !t.isWord() {
				continue
			}
			end, kind := x.eventWordAt(i)
			if kind == "" {
				continue
			}
			start, ok := x.eventDeterminer(i, a)
			gerund := t.is("meeting") && i > a && x.toks[i-1].is("after", "before", "while", "since") && end < b && x.mention(end) != nil
			if !ok && !gerund {
				continue
			}
			ev := &event{kind: kind, confidence: 0.6, definite: ok && x.toks[start].is("the", "this", "that", "their", "his", "her", "its", "our")}
			// Capitalised words before the event word name it ("Coalition
			// of the Willing Summit"); a capital or nation names its place.
			var nameWords []string
			for k := start; k < i; k++ {
				if m := x.mention(k); m != nil && m.tok0 == k {
					if m.form == formCapital || m.ent.kind == kg.Nation && m.form == formName {
						ev.location = m.in(x.t)
					} else if m.ent.kind == kg.Organisation {
						nameWords = append(nameWords, m.in(x.t))
						ev.participants = append(ev.participants, participant{who: m.ent})
					}
					k = m.tok1 - 1
					continue
				}
				if x.toks[k].capitalised() && !x.toks[k].is("the", "a", "an", "his", "her", "their", "its") {
					nameWords = append(nameWords, x.toks[k].text)
				}
			}
			stop := end
			// "with X", "of X", "between X and Y", "in PLACE", "at PLACE".
			for stop < b {
				tk := x.toks[stop]
				if tk.is("with", "between", "of", "among") && stop+1 < b {
					j := x.npForward(stop+1, b)
					// "with France's President Emmanuel Macron": the person
					// takes part, not the nation named for the title.
					var found []*entity
					people := false
					for k := stop + 1; k < j; k++ {
						if m := x.mention(k); m != nil {
							found = append(found, m.ent)
							people = people || m.ent.kind == kg.Person
							k = m.tok1 - 1
						}
					}
					for _, e := range found {
						if !people || e.kind == kg.Person {
							ev.participants = append(ev.participants, participant{who: e})
						}
					}
					if j == stop+1 {
						break
					}
					stop = j
					if stop < b && x.toks[stop].is("and") {
						stop++
					}
					continue
				}
				if tk.is("in", "at") && stop+1 < b && (x.toks[stop+1].capitalised() || x.toks[stop+1].is("the") && stop+2 < b && x.toks[stop+2].capitalised()) {
					j := stop + 1
					if x.toks[j].is("the") {
						j++
					}
					k := j
					for k < b && (x.toks[k].capitalised() || x.toks[k].isWord() && strings.HasPrefix(x.toks[k].text, "presidential")) {
						k++
					}
					place := x.textOf(j, k)
					if ev.location != "" {
						ev.location += ", " + place
					} else {
						ev.location = place
					}
					stop = k
					continue
				}
				break
			}
			if gerund {
				ev.participants = append(ev.participants, participant{who: x.mention(end).ent})
				stop = x.mention(end).tok1
			}
			for pi := range ev.participants {
				ev.participants[pi].ev = span{x.toks[start].start, x.toks[stop-1].end}
			}
			if !x.eventWorthy(ev, kind, nameWords, start, i) {
				i = stop - 1
				continue
			}
			ev.name = eventName(nameWords, kind, ev)
			ev.phrases = append(ev.phrases, [2]int{start, stop})
			ev.evidence = append(ev.evidence, span{x.toks[start].start, x.toks[stop-1].end})
			ev.date = x.dateIn(a, b)
			x.addEvent(ev)
			i = stop - 1
		}
	}
}

// eventWorthy: a generic word ("a ceasefire", "a deal") is an event only
// with a name, a place or participants; talk-like events (summit, call,
// press conference) are events whenever they have a determiner.
func (x *extraction) eventWorthy(ev *event, kind string, nameWords []string, start, i int) bool {
	switch kind {
	case "summit", "press conference", "conference", "talks", "call", "meeting", "visit", "interview", "speech":
		return true
	}
	return len(nameWords) > 0 || ev.location != "" || len(ev.participants) > 0
}

// eventDeterminer: an event noun needs a determiner before it ("a", "the",
// "his", "their", "a joint", "the Paris"), so that "call" the verb and
// "meeting" the gerund are not taken for events.
func (x *extraction) eventDeterminer(i, a int) (int, bool) {
	for k := i - 1; k >= a && i-k <= 8; k-- {
		t := x.toks[k]
		if m := x.mention(k); m != nil && m.tok0 < k {
			k = m.tok0 + 1 // the loop steps onto the mention's first word
			continue
		}
		switch {
		case t.is("a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "last", "next", "weekend", "thursday's", "friday's"):
			return k, true
		case t.possessive():
			continue
		case x.mention(k) != nil, t.capitalised(), t.is("joint", "emergency", "phone", "video", "telephone", "extraordinary", "informal", "bilateral", "virtual", "annual", "summit", "news", "press", "high", "level", "peace", "crisis"):
			continue
		default:
			return i, false
		}
	}
	return i, false
}

func eventName(words []string, kind string, ev *event) string {
	if len(words) > 0 {
		return strings.Join(words, " ") + " " + kind
	}
	var who []string
	for _, p := range ev.participants {
		who = append(who, p.who.name)
	}
	switch {
	case ev.location != "" && len(who) > 0:
		return strings.ToUpper(kind[:1]) + kind[1:] + " with " + strings.Join(who, ", ") + " in " + ev.location
	case ev.location != "":
		return strings.ToUpper(kind[:1]) + kind[1:] + " in " + ev.location
	case len(who) > 0:
		return strings.ToUpper(kind[:1]) + kind[1:] + " with " + strings.Join(who, ", ")
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// addEvent adds an event, or merges it into one of the same kind whose
// place does not conflict.
func (x *extraction) addEvent(ev *event) {
	for _, old := range x.events {
		if old.kind != ev.kind {
			continue
		}
		if ev.location != "" && old.location != "" && !strings.Contains(old.location, ev.location) && !strings.Contains(ev.location, old.location) {
			continue
		}
		if ev.date != "" && old.date != "" && ev.date != old.date {
			continue
		}
		sameName := ev.name == old.name && !strings.HasPrefix(ev.name, strings.ToUpper(ev.kind[:1]))
		samePlace := ev.location != "" && ev.location == old.location
		// A report seldom has two summits or two press conferences.
		single := ev.kind == "summit" || ev.kind == "press conference"
		if !ev.definite && !sameName && !samePlace && !single {
			continue
		}
		old.evidence = append(old.evidence, ev.evidence...)
		old.phrases = append(old.phrases, ev.phrases...)
		old.participants = append(old.participants, ev.participants...)
		if old.location == "" || len(ev.location) > len(old.location) {
			old.location = ev.location
		}
		if old.date == "" {
			old.date = ev.date
		}
		if strings.HasPrefix(old.name, strings.ToUpper(old.kind[:1])) && !strings.HasPrefix(ev.name, strings.ToUpper(ev.kind[:1])) {
			old.name = ev.name
		}
		old.confidence = min(0.8, old.confidence+0.1)
		return
	}
	x.events = append(x.events, ev)
}

// eventIDs gives each event its id: the date and a slug of the name.
func (x *extraction) eventIDs() {
	seen := map[string]bool{}
	for _, ev := range x.events {
		base := "event:"
		if ev.date != "" {
			base += ev.date + "-"
		}
		base += names.Slug(ev.name)
		id := base
		for n := 2; seen[id]; n++ {
			id = base + "-" + itoa(n)
		}
		seen[id] = true
		ev.id = id
	}
}

// eventAt is the event whose phrase covers token k.
func (x *extraction) eventAt(k int) *event {
	if x.eventOfTok == nil {
		x.eventOfTok = make([]*event, len(x.toks))
		for _, ev := range x.events {
			for _, p := range ev.phrases {
				for j := p[0]; j < p[1]; j++ {
					x.eventOfTok[j] = ev
				}
			}
		}
	}
	return x.eventOfTok[k]
}
