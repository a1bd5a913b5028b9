package extract

import (
	"strconv"
	"strings"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// role is a person's title in a nation or organisation, with the words
// that say so.
type role struct {
	person, of *entity
	title      string
	ev         span
	rule       string
	confidence float64
}

// titleAt matches a title at token i, returning its end: a listed title
// ("Prime Minister", "Secretary General"), possibly built up from
// modifiers and a portfolio ("Deputy Defense Secretary", "top military
// commander", "Foreign Affairs Minister").
func (x *extraction) titleAt(i int) int {
	return max(x.listedTitleAt(i), x.builtTitleAt(i))
}

// listedTitleAt matches the longest listed title at token i. It is asked
// of most tokens several times, so the answer is kept.
func (x *extraction) listedTitleAt(i int) int {
	if i >= len(x.toks) {
		return i
	}
	if x.listedTitle == nil {
		x.listedTitle = make([]int32, len(x.toks))
	}
	if e := x.listedTitle[i]; e > 0 {
		return int(e) - 1
	}
	end := x.matchListedTitle(i)
	x.listedTitle[i] = int32(end) + 1
	return end
}

func (x *extraction) matchListedTitle(i int) int {
	key := ""
	best := i
	for k := i; k < len(x.toks) && k-i < maxTitleWords; k++ {
		t := x.toks[k]
		if !t.isWord() {
			break
		}
		if key == "" {
			key = t.fold
		} else {
			key += " " + t.fold
		}
		if titles[key] {
			best = k + 1
		}
	}
	return best
}

// builtTitleAt matches modifiers and a portfolio before a listed title.
func (x *extraction) builtTitleAt(i int) int {
	j := i
	for j < len(x.toks) && j-i < 3 && titleModifiers[x.toks[j].fold] {
		j++
	}
	for j < len(x.toks) && j-i < 5 && portfolios[x.toks[j].fold] && !titles[x.toks[j].fold] {
		j++
	}
	best := i
	if end := x.listedTitleAt(j); end > j {
		best = end
	}
	if best == i && j > i {
		// "Deputy" alone is a title too.
		if titles[x.toks[j-1].fold] {
			return j
		}
	}
	return best
}

// titleModifiers may stand before a title: "Deputy", "Acting", "top".
var titleModifiers = foldedSet("deputy", "vice", "acting", "assistant", "under", "senior", "chief", "top",
	"interim", "first", "lead", "principal", "executive", "associate", "permanent", "general", "military", "civilian")

// portfolios are what a minister or secretary is in charge of.
var portfolios = foldedSet("defense", "defence", "foreign", "finance", "interior", "home", "economy", "economic",
	"energy", "trade", "health", "justice", "agriculture", "transport", "environment", "culture", "education",
	"labour", "labor", "industry", "development", "climate", "digital", "treasury", "state", "security", "affairs",
	"european", "infrastructure", "maritime", "fisheries", "commerce", "communications", "information", "budget",
	"social", "family", "foreign-affairs", "national", "homeland", "veterans", "army", "navy", "air", "force",
	"naval", "intelligence", "police", "border", "emergency", "emergencies", "refugee", "migration", "science", "technology",
	"humanitarian", "regional", "resident", "country", "operations", "communications", "press", "research", "medical")

// titleText is the title as a role holds it: "Prime Minister", "Secretary
// General", "Special envoy" kept as written but with a capital first letter.
func (x *extraction) titleText(i, j int) string {
	var words []string
	for k := i; k < j; k++ {
		words = append(words, x.toks[k].text)
	}
	t := strings.Join(words, " ")
	if long, ok := titleShort[strings.ReplaceAll(strings.ToLower(t), ".", "")]; ok {
		return long
	}
	t = strings.TrimSuffix(t, ".")
	return strings.ToUpper(t[:1]) + t[1:]
}

// possessorBefore finds the nation or organisation that owns a title
// starting at token i: "France's", "French", "NATO", "U.S.".
func (x *extraction) possessorBefore(i int) (*entity, int) {
	j := i - 1
	// "U.S. Army Gen.": the service stands between nation and title.
	for j >= 0 && x.toks[j].is("army", "navy", "air", "force", "marine", "corps", "coast", "guard") && x.toks[j].capitalised() {
		j--
	}
	if j >= 0 && x.toks[j].possessive() {
		j--
	}
	if j < 0 {
		return nil, i
	}
	m := x.mention(j)
	if m == nil || m.tok1 != j+1 || m.ent.kind == kg.Person {
		return nil, i
	}
	return m.ent, m.tok0
}

// findRoles finds people by their titles, and the roles they hold:
//
//	France's President Emmanuel Macron     (possessor, title, name)
//	NATO Secretary General Mark Rutte
//	Antonio Costa, the head of the European Council   (appositive)
//	Dana Olvi, its chair
//	His special envoy, Steve Witkoff       (possessive pronoun)
func (x *extraction) findRoles() {
	for i := 0; i < len(x.toks); i++ {
		if x.toks[i].inQuote || !x.toks[i].isWord() {
			continue
		}
		if x.mention(i) != nil {
			if end := x.appositiveRole(i); end > i {
				i = end - 1
			}
			continue
		}
		if x.toks[i].is("his", "her", "its", "their") {
			continue // after surnames are known: pronounTitles
		}
		if honorifics[x.toks[i].fold] {
			// "Dr. Leila Haddad", "Mr. Hrytsenko": a person, title or not.
			n := i + 1
			if n < len(x.toks) && x.toks[n].text == "." {
				n++
			}
			if p, end := x.peekPerson(n, 2); end > n {
				x.takePerson(n, end, p, "honorific-name")
				if stop := x.appositiveRole(n); stop > end {
					end = stop // "Dr. Leila Haddad, WHO's emergencies director"
				}
				i = end - 1
				continue
			}
			if n < len(x.toks) && x.toks[n].capitalised() {
				x.personAt(n, 1)
			}
			continue
		}
		t := x.titleAt(i)
		if t == i && !x.toks[i].capitalised() && i+1 < len(x.toks) {
			// "EU tech commissioner Johanna Reisinger": one word of field
			// between the body and the title.
			if of, _ := x.possessorBefore(i); of != nil {
				if e := x.titleAt(i + 1); e > i+1 {
					t = e
				}
			}
		}
		if t == i {
			if n := x.nameAt(i); n-i >= 2 {
				if end := x.appositiveRole(i); end > i {
					i = end - 1
				}
			}
			continue
		}
		if i > 0 && x.toks[i-1].is("former", "ex", "late", "then", "outgoing") {
			continue // no current role
		}
		of, from := x.possessorBefore(i)
		capital := x.toks[i].capitalised()
		if !capital && of == nil {
			// "Lima Para Todos candidate Rosa Quispe", "union chief
			// Maria Lopez": the body is one the rules cannot name, but a
			// full name after a lower-case title is still a person, and
			// the title still tells "the candidate" who she is.
			if t < len(x.toks) && t-i <= 2 && x.toks[t].capitalised() && (i == 0 || !x.toks[i-1].is("a", "an")) {
				if p, end := x.peekPerson(t, 2); end > t && p == nil && end-t <= 3 {
					p = x.takePerson(t, end, p, "title-and-name")
					if x.titleOf[p] == "" {
						x.titleOf[p] = x.titleText(i, t)
					}
					i = end - 1
				}
			}
			continue
		}
		start := t
		for start < len(x.toks) && honorifics[x.toks[start].fold] {
			start++
		}
		// "The U.N. humanitarian coordinator for Ukraine, Sofia Brandt,":
		// the name follows the title after a comma.
		if of != nil && start < len(x.toks) {
			k := start
			if x.toks[k].is("for", "of", "in", "at") {
				k = x.npForward(k+1, len(x.toks))
			}
			if k < len(x.toks) && x.toks[k].text == "," {
				if p, end := x.peekPerson(k+1, 2); end > k+1 && end < len(x.toks) && (x.toks[end].text == "," || x.isSpeechVerbAt(end)) {
					p = x.takePerson(k+1, end, p, "title-comma-name")
					x.addRole(p, of, x.titleText(i, t), span{x.toks[from].start, x.toks[end-1].end}, "title-comma-name", 0.8)
					i = end - 1
					continue
				}
			}
		}
		person, end := x.personAt(start, 2)
		if person == nil {
			continue
		}
		title := x.titleText(i, t)
		if x.titleOf[person] == "" {
			x.titleOf[person] = title // "the governor" finds "Gov. Ramon Ilagan"
		}
		switch {
		case of != nil:
			x.addRole(person, of, title, span{x.toks[from].start, x.toks[end-1].end}, "title-before-name", 0.9)
		case isNationalTitle(title) && x.dominantNation() != nil:
			// "Finance Minister Abena Quansah" in a report about Ghana.
			x.addRole(person, x.dominantNation(), title, span{x.toks[i].start, x.toks[end-1].end}, "title-of-the-report's-nation", 0.5)
		}
		i = end - 1
	}
}

// pronounTitles finds "His special envoy, Steve Witkoff" once every
// person the pronoun could stand for is known.
func (x *extraction) pronounTitles() {
	for i := 0; i < len(x.toks); i++ {
		if !x.toks[i].inQuote && x.toks[i].is("his", "her", "its", "their") && x.toks[i].capitalised() {
			if end := x.pronounTitle(i); end > i {
				i = end - 1
			}
		}
	}
}

// peekPerson reads a person at token i without making one: a person the
// report has recognised (returned), or the end of a new name of at least
// minWords words (with a nil entity).
func (x *extraction) peekPerson(i, minWords int) (*entity, int) {
	if i >= len(x.toks) {
		return nil, i
	}
	if m := x.mention(i); m != nil {
		if m.tok0 == i && m.ent.kind == kg.Person {
			return m.ent, m.tok1
		}
		return nil, i
	}
	end := x.nameAt(i)
	if end-i < minWords {
		return nil, i
	}
	return nil, end
}

// takePerson makes the person peekPerson found.
func (x *extraction) takePerson(i, end int, e *entity, rule string) *entity {
	if e != nil {
		return e
	}
	p := x.newPerson(x.textOf(i, end), rule, 0.85)
	x.addMention(i, end, p, formName)
	return p
}

// personAt reads a person at token i: one the report has already
// recognised, a new name of at least minWords words, or a single word that
// is the last name of someone already named.
func (x *extraction) personAt(i, minWords int) (*entity, int) {
	if p, end := x.peekPerson(i, minWords); end > i {
		return x.takePerson(i, end, p, "title-and-name"), end
	}
	if i < len(x.toks) && x.mention(i) == nil && x.nameAt(i) == i+1 {
		for _, e := range x.entities {
			if e.kind == kg.Person && lastNameIs(e, x.toks[i].fold) {
				x.addMention(i, i+1, e, formSurname)
				return e, i + 1
			}
		}
	}
	return nil, i
}

func lastNameIs(e *entity, fold string) bool {
	for _, n := range append([]string{e.name}, e.aliases...) {
		parts := strings.Fields(n)
		if len(parts) > 1 && names.Fold(parts[len(parts)-1]) == fold {
			return true
		}
	}
	return false
}

// appositiveRole reads "NAME, [the|a] [possessor's|its|his] TITLE [of|at|for
// [the] ORG]" starting at token i.
func (x *extraction) appositiveRole(i int) int {
	person, end := x.peekPerson(i, 2)
	if end == i || end >= len(x.toks) || x.toks[end].text != "," {
		return i
	}
	j := end + 1
	var of *entity
	if j < len(x.toks) && x.toks[j].is("the", "a", "an") {
		j++
	}
	if j < len(x.toks) && x.toks[j].is("former", "ex", "late", "then", "outgoing", "acting") {
		return end // a past or temporary office is no current role
	}
	switch {
	case j < len(x.toks) && x.toks[j].is("its", "their"):
		of = x.recent(i, func(e *entity) bool { return e.kind != kg.Person })
		j++
	case j < len(x.toks) && x.toks[j].is("his", "her"):
		of = x.roleOfPronoun(i)
		j++
	case j+2 < len(x.toks) && x.toks[j].is("country", "nation") && x.toks[j+1].possessive():
		of = x.recent(i, func(e *entity) bool { return e.kind == kg.Nation })
		j += 2
	default:
		if m := x.mention(j); m != nil && m.tok0 == j && m.ent.kind != kg.Person {
			of = m.ent
			j = m.tok1
			if j < len(x.toks) && x.toks[j].possessive() {
				j++
			}
		}
	}
	for j < len(x.toks) && x.toks[j].is("new", "current", "powerful", "longtime", "long-time") {
		j++
	}
	t := x.titleAt(j)
	// "policy director", "energy analyst": a word or two of field before
	// a title.
	for skip := 1; t == j && skip <= 2 && j+skip < len(x.toks); skip++ {
		w := x.toks[j+skip-1]
		if !w.isWord() || w.capitalised() || stopwords[w.fold] {
			break
		}
		if e := x.titleAt(j + skip); e > j+skip {
			t = e
		}
	}
	if t == j {
		return end
	}
	title := x.titleText(j, t)
	stop := t
	if of == nil && t+1 < len(x.toks) && x.toks[t].is("of", "at", "for") {
		k := t + 1
		if x.toks[k].is("the") {
			k++
		}
		if m := x.mention(k); m != nil && m.tok0 == k && m.ent.kind != kg.Person {
			of, stop = m.ent, m.tok1
		} else if e := x.orgNameAt(k); e > k {
			// "chief executive of Nordic Subsea Systems": an organisation
			// the gazetteer does not know.
			of = x.newOrganisation(k, e)
			stop = e
		}
	}
	if of == nil {
		// A person with an office the text does not place: the person
		// still counts.
		x.takePerson(i, end, person, "appositive-name")
		return end
	}
	person = x.takePerson(i, end, person, "appositive-name")
	x.addRole(person, of, title, span{x.toks[i].start, x.toks[stop-1].end}, "appositive", 0.85)
	return stop
}

// pronounTitle reads "His special envoy, Steve Witkoff": the office is of
// whatever the person the pronoun stands for holds office in.
func (x *extraction) pronounTitle(i int) int {
	t := x.titleAt(i + 1)
	if t == i+1 || t >= len(x.toks) || x.toks[t].text != "," {
		return i
	}
	person, end := x.peekPerson(t+1, 2)
	if end == t+1 {
		return i
	}
	var of *entity
	if x.toks[i].is("its", "their") {
		of = x.recent(i, func(e *entity) bool { return e.kind != kg.Person })
	} else {
		of = x.roleOfPronoun(i)
	}
	if of != nil {
		person = x.takePerson(t+1, end, person, "appositive-name")
		x.addRole(person, of, x.titleText(i+1, t), span{x.toks[i].start, x.toks[end-1].end}, "possessive-title", 0.7)
	}
	return end
}

// roleOfPronoun is the nation or organisation of the person a his/her at
// token i refers to: the most recent person named before it who holds a
// role.
func (x *extraction) roleOfPronoun(i int) *entity {
	p := x.recent(i, func(e *entity) bool { return e.kind == kg.Person })
	if p == nil {
		return nil
	}
	if r := x.roleOf(p); r != nil {
		return r.of
	}
	return nil
}

// lookBack bounds how far back (in tokens) a pronoun or a description
// looks for what it refers to: a few paragraphs, which also keeps a long
// text linear.
const lookBack = 400

// recent is the entity most recently mentioned before token i, outside
// quotations, that ok accepts.
func (x *extraction) recent(i int, ok func(*entity) bool) *entity {
	for j := i - 1; j >= 0 && i-j <= lookBack; j-- {
		if m := x.mention(j); m != nil && !x.toks[j].inQuote && ok(m.ent) {
			return m.ent
		}
	}
	return nil
}

func (x *extraction) addRole(person, of *entity, title string, ev span, rule string, conf float64) {
	for _, r := range x.roles {
		if r.person == person && r.of == of && names.Fold(r.title) == names.Fold(title) {
			return
		}
	}
	x.roles = append(x.roles, &role{person: person, of: of, title: title, ev: ev, rule: rule, confidence: conf})
}

// roleOf is a role the person holds, from the report or the graph.
func (x *extraction) roleOf(p *entity) *role {
	for _, r := range x.roles {
		if r.person == p {
			return r
		}
	}
	for _, r := range x.lex.roles {
		if r.PersonID == p.id {
			if k := x.lex.byID[r.OfID]; k != nil {
				return &role{person: p, of: x.entityFor(k), title: r.Title}
			}
		}
	}
	return nil
}

// orgNameAt reads an organisation's name at token i: capitalised words
// (with "of", "and", "for" between them), ending at a company suffix or the
// last capitalised word. It returns i when there is none.
func (x *extraction) orgNameAt(i int) int {
	j := i
	last := i
	for j < len(x.toks) && j-i < 8 {
		t := x.toks[j]
		switch {
		case t.isWord() && t.capitalised() && x.mention(j) == nil && !isMonthOrDay(t.fold):
			j++
			last = j
		case t.is("of", "and", "for", "&") && j > i && j+1 < len(x.toks) && x.toks[j+1].capitalised():
			j++
		case t.text == "." && j > i && x.toks[j-1].is("inc", "corp", "co", "ltd"):
			j++
			last = j
		default:
			return last
		}
	}
	return last
}

// newOrganisation makes the organisation named by tokens [i, j).
func (x *extraction) newOrganisation(i, j int) *entity {
	name := strings.TrimSuffix(strings.TrimSpace(x.textOf(i, j)), ".")
	for _, suffix := range []string{" Inc", " Corp", " Co", " Ltd", " LLC", " PLC", " AG", " SA", " GmbH"} {
		name = strings.TrimSuffix(name, suffix)
	}
	key := names.Fold(name)
	for _, e := range x.entities {
		if e.kind == kg.Organisation && names.Fold(e.name) == key {
			x.addMention(i, j, e, formName)
			return e
		}
	}
	for _, le := range x.lex.entries[key] {
		if le.k.kind == kg.Organisation {
			e := x.entityFor(le.k)
			x.addMention(i, j, e, formName)
			return e
		}
	}
	id := "organisation:" + names.Slug(name)
	for n := 2; x.byID[id] != nil; n++ {
		id = "organisation:" + names.Slug(name) + "-" + strconv.Itoa(n)
	}
	e := &entity{known: &known{id: id, kind: kg.Organisation, name: name}, fresh: true, rule: "organisation-in-title", confidence: 0.7}
	x.byID[id] = e
	x.entities = append(x.entities, e)
	x.addMention(i, j, e, formName)
	return e
}
