package extract

import (
	"strings"
	"unicode"

	"newsgraph/internal/kg"
	"newsgraph/internal/names"
)

// orgHeads end the names of organisations: "Offshore Energy Workers'
// Union", "Coralline Energy", "Civic Policy Institute", "Liberal Forum".
var orgHeads = foldedSet("union", "bank", "group", "energy", "holdings", "corporation", "corp", "company", "inc",
	"ltd", "plc", "llc", "authority", "agency", "council", "commission", "ministry", "party", "operator", "institute",
	"association", "federation", "airlines", "airways", "motors", "systems", "research", "partners", "capital", "fund",
	"securities", "service", "services", "centre", "center", "forum", "alliance", "front", "movement", "league",
	"foundation", "university", "court", "committee", "board", "exchange", "industries", "technologies",
	"pharmaceuticals", "petroleum", "mining", "resources", "network", "media", "bureau", "office", "department",
	"regulator", "trust", "society", "congress", "assembly", "chamber", "organisation", "organization", "coalition",
	"institution", "laboratories", "labs", "shipping", "logistics", "insurance", "investments", "ventures", "power",
	"electric", "utilities", "telecom", "communications", "brands", "foods", "steel", "chemicals", "automotive")

// orgOf are the heads of names of the form "X of Y": "Bank of Ghana",
// "Ministry of Defence", "University of Oslo".
var orgOf = foldedSet("bank", "ministry", "department", "office", "university", "council", "court", "institute",
	"commission", "academy", "college", "church", "federation", "association", "chamber", "union", "board")

// orgDescriptors introduce a company's name: "gas producer Coralline
// Energy", "carmaker Volvo", "lender Nordbank".
var orgDescriptors = foldedSet("producer", "maker", "carmaker", "automaker", "miner", "airline", "carrier", "lender",
	"retailer", "insurer", "bank", "group", "firm", "company", "operator", "exporter", "importer", "supplier",
	"manufacturer", "developer", "utility", "broker", "investor", "fund", "startup", "start-up", "giant", "rival",
	"shipper", "builder", "chipmaker", "drugmaker", "brewer", "refiner", "trader", "party", "union", "regulator")

// findOrganisations names the organisations the gazetteer and the graph do
// not know, from the shape of their names: capitalised words ending in an
// organisation's head word, "X of Y" names, a name after a descriptor
// ("gas producer Coralline Energy"), and capital-letter acronyms that
// speak ("A NOPSEMA spokesperson", "(AEMO)").
func (x *extraction) findOrganisations() {
	toks := x.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.isWord() || !t.capitalised() || x.mention(i) != nil || t.inQuote && false {
			continue
		}
		if t.is("the", "a", "an") || notNames[t.fold] && !orgHeads[t.fold] && !orgOf[t.fold] {
			continue
		}
		if strings.HasSuffix(t.fold, " based") || strings.HasSuffix(t.fold, " owned") || strings.HasSuffix(t.fold, " backed") {
			continue // "Singapore-based Tessaline Group": the name starts after
		}
		// A run of capitalised words, with "of", "and", "for", "&" and
		// possessive marks inside it.
		j, last := i, -1
		xOfY := (orgOf[t.fold] || orgHeads[t.fold]) && i+1 < len(toks) && toks[i+1].is("of")
		for j < len(toks) && j-i < 8 {
			k := toks[j]
			switch {
			case k.sent != t.sent:
				j = len(toks) + 1 // a name never runs into the next sentence
			case j > i && x.listedTitleAt(j) > j:
				j = len(toks) + 1 // "Bank of Ghana Governor …": the title ends the name
			case k.isWord() && k.capitalised() && (x.mention(j) == nil || x.mention(j).ent.kind != kg.Person):
				if orgHeads[k.fold] || xOfY && j >= i+2 {
					// "Department of Social Welfare and Development": Y runs
					// on over capitalised words.
					last = j + 1
				}
				if m := x.mention(j); m != nil {
					j = m.tok1
					if xOfY && m.tok0 == i+2 {
						last = j // "Bank of Ghana": Y is one name
					}
					continue
				}
				j++
			case (k.is("of", "and", "for", "&") || k.possessive() || k.text == "'" || k.text == "’") && j > i && j+1 < len(toks) && toks[j+1].capitalised():
				j++
			default:
				j = len(toks) + 1 // stop
			}
		}
		end := last
		// "gas producer Coralline Energy": after a descriptor, two or three
		// capitalised words are a name even without a head word.
		if end < 0 && i > 0 && orgDescriptors[toks[i-1].fold] && !toks[i-1].capitalised() {
			n := i
			for n < len(toks) && n-i < 3 && toks[n].isWord() && toks[n].capitalised() && x.mention(n) == nil && !notNames[toks[n].fold] {
				n++
			}
			if n-i >= 1 && (n-i >= 2 || i+1 < len(toks) && !toks[i+1].capitalised()) {
				end = n
			}
		}
		if end < 0 || end-i < 1 || end-i == 1 && !orgHeads[t.fold] && !(i > 0 && orgDescriptors[toks[i-1].fold]) {
			continue
		}
		if end-i == 1 && orgHeads[t.fold] {
			continue // "Union" alone is a word, not a name
		}
		// Mentions inside ("Bank of Ghana") give way to the whole name.
		for k := i; k < end; k++ {
			x.mentionAt[k] = nil
		}
		e := x.newOrganisation(i, end)
		// "(AEMO)" right after the name is its acronym.
		if end+2 < len(toks) && toks[end].text == "(" && toks[end+2].text == ")" && isAcronym(toks[end+1].text) {
			x.addMention(end+1, end+2, e, formName)
		}
		i = end - 1
	}
	// Acronyms that act: "A NOPSEMA spokesperson", "NOPSEMA said".
	for i, t := range toks {
		if x.mention(i) != nil || t.inQuote || !isAcronym(t.text) || x.lex.entries[t.fold] != nil {
			continue
		}
		next := i + 1
		if next < len(toks) && (attributionNouns[toks[next].fold] || x.isSpeechVerbAt(next)) {
			x.newOrganisation(i, i+1)
		}
	}
}

// isAcronym is three to six capital letters: NOPSEMA, AEMO.
func isAcronym(s string) bool {
	if len(s) < 3 || len(s) > 7 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// dominantNation is the nation the report is about, if one clearly is:
// the dateline's, or the one named most (at least twice and half again as
// often as the next). National titles with no nation of their own
// ("Finance Minister Abena Quansah") are taken to be its.
func (x *extraction) dominantNation() *entity {
	if x.dominantDone {
		return x.dominant
	}
	x.dominantDone = true
	count := map[*entity]int{}
	for _, e := range x.entities {
		if e.kind == kg.Nation {
			count[e] = len(e.mentions)
		}
	}
	var best, second *entity
	for e, n := range count {
		switch {
		case best == nil || n > count[best]:
			best, second = e, best
		case second == nil || n > count[second]:
			second = e
		}
	}
	if best != nil && count[best] >= 2 && (second == nil || count[best]*2 >= count[second]*3) {
		x.dominant = best
	}
	return x.dominant
}

// nationalTitles are offices of a nation's government.
var nationalTitles = foldedSet("president", "prime minister", "chancellor", "minister", "finance minister",
	"foreign minister", "defence minister", "defense minister", "interior minister", "economy minister",
	"energy minister", "trade minister", "health minister", "justice minister", "resources minister",
	"treasurer", "foreign secretary", "home secretary", "premier", "vice president", "deputy prime minister")

func isNationalTitle(title string) bool {
	f := names.Fold(title)
	if nationalTitles[f] {
		return true
	}
	return strings.HasSuffix(f, " minister")
}
