package extract

import "strings"

// The word lists of the rules, folded (lower case, no accents).

// titles are the offices a person holds, as they stand before a name
// ("Prime Minister Giorgia Meloni") or in an appositive ("Antonio Costa,
// the head of the European Council"). Longer titles come first where one
// contains another.
var titles = foldedSet(
	"president", "vice president", "president elect", "president designate", "prime minister designate",
	"prime minister elect", "minister designate", "chancellor designate", "resources minister", "treasurer",
	"union secretary", "general secretary", "party leader", "mission chief", "chief economist", "economist",
	"analyst", "senior analyst", "political scientist", "professor", "spokesperson", "chief executive", "prime minister", "deputy prime minister", "first minister",
	"chancellor", "vice chancellor", "foreign minister", "defence minister", "defense minister", "finance minister",
	"interior minister", "economy minister", "economic minister", "energy minister", "trade minister", "health minister",
	"justice minister", "agriculture minister", "transport minister", "environment minister", "culture minister",
	"education minister", "labour minister", "labor minister", "industry minister", "development minister",
	"climate minister", "digital minister", "minister", "deputy minister", "foreign secretary", "home secretary",
	"defence secretary", "defense secretary", "health secretary", "business secretary", "treasury secretary",
	"secretary of state", "state secretary", "secretary general", "secretary", "under secretary", "deputy secretary",
	"special envoy", "envoy", "coordinator", "humanitarian coordinator", "representative", "delegate",
	"inspector", "inspector general", "auditor", "ombudsman", "rapporteur", "special rapporteur", "commissioner", "special representative", "high representative", "ambassador", "spokesperson",
	"spokesman", "spokeswoman", "press secretary", "head", "chief", "chief executive", "chief executive officer",
	"ceo", "chairman", "chairwoman", "chairperson", "chair", "vice chair", "director", "director general",
	"executive director", "managing director", "governor", "central bank governor", "mayor", "king", "queen",
	"prince", "crown prince", "princess", "emir", "sheikh", "sultan", "pope", "commissioner", "general",
	"lieutenant general", "major general", "brigadier general", "admiral", "commander", "army chief",
	"chief of staff", "senator", "congressman", "congresswoman", "lawmaker", "representative", "leader",
	"opposition leader", "party leader", "speaker", "attorney general", "prosecutor", "chief prosecutor",
	"national security adviser", "national security advisor", "adviser", "advisor", "senior adviser",
	"chief negotiator", "negotiator", "founder", "co founder", "deputy", "aide", "premier", "vice premier",
	"foreign affairs minister", "gen", "sen", "rep", "gov", "lt gen", "maj gen", "adm", "col", "colonel",
	"lt col", "lieutenant colonel", "capt", "captain", "maj", "major", "sgt", "sergeant", "brig gen", "supt",
	"superintendent", "inspector", "insp", "cmdr", "judge", "justice", "chief justice", "magistrate", "prosecutor general",
	"attorney", "defence lawyer", "defense lawyer", "lawyer", "commissioner", "executive vice president",
	"defendant", "plaintiff", "witness", "suspect", "activist", "campaigner", "candidate", "journalist",
	"researcher", "scientist", "nurse", "teacher", "farmer", "survivor", "pilot", "coach", "manager", "owner",
)

// titleShort are abbreviated titles and the title they stand for.
var titleShort = map[string]string{"gen": "General", "sen": "Senator", "rep": "Representative", "gov": "Governor",
	"lt gen": "Lieutenant General", "maj gen": "Major General", "adm": "Admiral", "col": "Colonel",
	"lt col": "Lieutenant Colonel", "capt": "Captain", "maj": "Major", "sgt": "Sergeant", "brig gen": "Brigadier General",
	"supt": "Superintendent", "insp": "Inspector", "cmdr": "Commander"}

// maxTitleWords is the longest title in words.
const maxTitleWords = 4

// honorifics stand before a name without being an office.
var honorifics = foldedSet("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "rev")

// speechVerbs introduce what someone said. The value says how: plain
// verbs report words ("said"), accusing and ruling verbs report a stance.
var speechVerbs = map[string]verbKind{
	"said": report, "says": report, "say": report, "told": tell, "tells": tell, "tell": tell,
	"added": report, "adds": report, "wrote": report, "writes": report, "warned": report, "warns": report,
	"insisted": report, "insists": report, "argued": report, "argues": report, "stated": report, "states": report,
	"noted": report, "notes": report, "explained": report, "explains": report, "asked": report, "replied": report,
	"responded": report, "declared": report, "declares": report, "announced": report, "announces": report,
	"acknowledged": report, "admitted": report, "admits": report, "claimed": report, "claims": report,
	"stressed": report, "stresses": report, "emphasised": report, "emphasized": report, "underlined": report,
	"recalled": report, "complained": report, "cautioned": report, "predicted": report, "suggested": report,
	"confirmed": report, "confirms": report, "conceded": report, "concluded": report, "continued": report,
	"posted": report, "tweeted": report, "commented": report, "remarked": report, "observed": report,
	"reiterated": report, "maintained": report, "contended": report, "countered": report, "agreed": report,
	"indicated": report, "signalled": report, "signaled": report, "hinted": report, "threatened": report,
	"pledged": report, "promised": report, "vowed": report, "believes": report, "believed": report,
	"estimated": report, "forecast": report, "projected": report, "reported": report, "revealed": report,
	"disclosed": report, "alleged": report, "testified": report, "assured": tell, "urged": urge, "urges": urge,
	"pressed": urge, "implored": urge,
	"demanded": report, "denied": deny, "denies": deny, "accused": accuse, "accuses": accuse, "dismissed": dismiss,
	"rejected": dismiss, "rejects": dismiss, "welcomed": dismiss, "condemned": dismiss, "criticised": dismiss,
	"criticized": dismiss, "praised": dismiss, "blamed": accuse,
}

type verbKind int

const (
	report  verbKind = iota // said (that) CLAUSE
	tell                    // told SOMEONE (that) CLAUSE
	urge                    // urged SOMEONE to ACT
	deny                    // denied CLAUSE / NOUN
	accuse                  // accused SOMEONE of DOING
	dismiss                 // dismissed NOUN
)

// phraseVerbs are speech acts of several words; the value is the verb kind.
var phraseVerbs = map[string]verbKind{
	"made clear": report, "made it clear": report, "ruled out": dismiss, "called on": urge, "calls on": urge,
	"appealed for": dismiss, "appealed to": urge, "called for": dismiss, "calls for": dismiss,
	"call for": dismiss, "pointed out": report, "spelled out": report, "went on": report, "has said": report,
	"have said": report, "had said": report, "was quoted as saying": report, "said in a statement": report,
}

// auxiliaries may stand between a subject and its speech verb.
var auxiliaries = foldedSet("has", "have", "had", "also", "later", "initially", "earlier", "then", "previously",
	"repeatedly", "again", "separately", "further", "last", "had", "would", "will", "did", "does", "do", "not",
	"publicly", "privately", "recently", "now", "often", "once", "already", "still", "quickly", "firmly", "flatly",
	"long", "consistently", "frequently", "reportedly", "since", "subsequently", "swiftly", "immediately", "angrily")

// attributionNouns head the noun phrases of unnamed speakers.
var attributionNouns = foldedSet("official", "officials", "source", "sources", "diplomat", "diplomats",
	"spokesperson", "spokesman", "spokeswoman", "spokespeople", "aide", "aides", "adviser", "advisers", "advisor",
	"advisors", "person", "people", "insider", "insiders", "minister", "ministers", "ministry", "government",
	"governments", "leader", "leaders", "negotiator", "negotiators", "analyst", "analysts", "envoy", "envoys",
	"lawmaker", "lawmakers", "statement", "office", "authorities", "military", "army", "police", "commander",
	"commanders", "executive", "executives", "delegation", "delegate", "delegates", "representative",
	"representatives", "members", "member", "officer", "officers", "staff", "administration", "agency",
	"company", "bank", "council", "commission", "party", "group", "cabinet", "presidency", "embassy", "mission",
	"investigators", "investigator", "prosecutors", "prosecutor", "experts", "expert", "researchers", "scientists",
	"observers", "witnesses", "witness", "residents", "doctors", "doctor", "workers", "worker", "sources",
	"campaigners", "activists", "economists", "economist", "traders", "trader", "bankers", "banker", "lawyers",
	"lawyer", "judge", "judges", "alliance", "bloc", "firm", "organisation", "organization", "body",
	"coalition", "department", "committee", "board", "regulator", "operator", "court", "union", "navy",
	"coastguard", "ministries", "governments", "watchdog", "broadcaster", "newspaper", "agency", "team")

// orgNouns name an organisation or a nation's government when used with
// "the" after it has been named: "the alliance", "the bloc", "the
// ministry", "the company".
var orgNouns = foldedSet("alliance", "bloc", "union", "company", "firm", "group", "ministry", "government",
	"council", "agency", "organisation", "organization", "body", "coalition", "commission", "bank", "court",
	"army", "military", "embassy", "office", "administration", "department", "party", "committee", "board",
	"regulator", "operator", "navy", "coastguard", "cabinet", "presidency", "parliament", "kremlin", "watchdog",
	"broadcaster", "newspaper", "country", "nation", "state")

// pronouns and what they can refer to.
var pronounKinds = map[string]string{"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s"}

// weekdays and months, for dates and for telling names from calendar words.
var weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
	"apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// notNames are capitalised words that begin no name: sentence openers,
// calendar words, and the like.
var notNames = foldedSet("the", "a", "an", "in", "on", "at", "of", "for", "to", "by", "with", "from", "and", "but",
	"or", "as", "after", "before", "while", "when", "if", "this", "that", "these", "those", "there", "here", "his",
	"her", "its", "their", "our", "my", "your", "he", "she", "it", "they", "we", "i", "you", "asked", "later",
	"earlier", "meanwhile", "however", "also", "last", "next", "first", "second", "new", "some", "many", "most",
	"all", "both", "each", "every", "no", "not", "yes", "yeah", "today", "tomorrow", "yesterday", "tonight", "why",
	"what", "who", "how", "where", "which", "twenty", "thirty", "forty", "fifty", "one", "two", "three", "four",
	"five", "six", "seven", "eight", "nine", "ten", "photo", "reporting", "editing", "writing", "additional",
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "having",
	"security", "months", "years", "days", "weeks", "under", "over", "since", "until", "during", "despite",
	"though", "although", "because", "so", "such", "than", "then", "thus", "according", "said", "says", "told",
	"reuters", "ap", "afp", "bloomberg", "our", "standards", "trust", "principles", "war", "world", "minister",
	"prime", "president", "secretary", "general", "state", "foreign", "defence", "defense", "finance", "chief",
	"head", "deputy", "vice", "special", "envoy", "ambassador", "spokesperson", "spokesman", "spokeswoman",
	"party", "summit", "talks", "conference", "meeting", "ministry", "government", "council", "union", "bank",
	"parliament", "congress", "senate", "court", "army", "forces", "troops", "police", "palace", "house",
	"north", "south", "east", "west", "central", "western", "eastern", "northern", "southern", "european",
	"international", "national", "global", "united", "nations", "republic", "kingdom", "democratic")

// eventKinds are the event words recognised, with the graph's kind.
var eventWords = map[string]string{
	"summit": "summit", "summit meeting": "summit", "meeting": "meeting", "meetings": "meeting", "call": "call", "phone call": "call",
	"video call": "call", "telephone call": "call", "conversation": "call", "press conference": "press conference",
	"news conference": "press conference", "conference": "conference", "talks": "talks", "negotiations": "talks",
	"visit": "visit", "speech": "speech", "address": "speech", "interview": "interview", "election": "election",
	"elections": "election", "vote": "election", "referendum": "election", "attack": "attack", "strike": "attack",
	"attacks": "attack", "invasion": "invasion", "ceasefire": "ceasefire", "truce": "ceasefire",
	"agreement": "agreement", "deal": "agreement", "accord": "agreement", "treaty": "agreement",
	"commemoration": "commemoration", "ceremony": "commemoration", "parade": "commemoration", "forum": "conference",
	"session": "meeting", "hearing": "meeting", "gathering": "meeting", "rally": "other", "briefing": "press conference",
}

func foldedSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}
