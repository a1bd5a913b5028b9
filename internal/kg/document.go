package kg

// StatementKind says whether a statement's text is the speaker's exact words.
type StatementKind string

// The statement kinds, bound to the GraphQL StatementKind like the entity
// kinds.
const (
	// Quote: Text holds the exact words, and stands verbatim in the evidence.
	Quote StatementKind = "QUOTE"
	// Paraphrase: Text holds the reported content.
	Paraphrase StatementKind = "PARAPHRASE"
)

// EventKinds are the kinds of event the graph knows. A closed list keeps
// "press conference" from also appearing as "presser" or "Press Conference".
var EventKinds = []string{
	"summit", "meeting", "call", "press conference", "conference", "invasion",
	"commemoration", "talks", "visit", "speech", "interview", "election",
	"attack", "agreement", "ceasefire", "war", "other",
}

// Evidence locates the text that supports a fact: [Start, End) in the
// source's text, counted in Unicode code points. Excerpt is that text.
type Evidence struct {
	SourceID string
	Start    int
	End      int
	Excerpt  string
	// Source is filled on reads: the source without its text.
	Source *Source
}

// Source is an article or document, with its full text.
type Source struct {
	ID          string
	Title       string
	Publisher   string
	URL         string
	PublishedAt Date
	Text        string
}

// Topic is a subject statements are on, such as sanctions.
type Topic struct {
	ID   string
	Name string
}

// Role is a person's title in a nation or organisation.
type Role struct {
	PersonID string
	Title    string
	OfID     string
	Evidence []Evidence
	// Person and Of are filled on reads.
	Person, Of Entity
}

// Membership is a nation's or organisation's place in an organisation.
type Membership struct {
	MemberID       string
	OrganisationID string
	Role           string
	Evidence       []Evidence
	// Member and Organisation are filled on reads.
	Member, Organisation Entity
}

// Participation is an entity's part in an event.
type Participation struct {
	EntityID string
	EventID  string
	Role     string
	Evidence []Evidence
	// Entity and Event are filled on reads.
	Entity Entity
	Event  Event
}

// Event is something that happened: a summit, a call, an invasion.
type Event struct {
	ID          string
	Name        string
	Kind        string
	Description string
	Date        Date
	EndDate     Date
	Location    string
	Evidence    []Evidence
}

// Statement is something an entity said, quoted or paraphrased.
type Statement struct {
	ID          string
	Kind        StatementKind
	Text        string
	SpeakerID   string
	Attribution string
	// AboutIDs are the entities and events the statement is about.
	AboutIDs []string
	EventID  string
	Date     Date
	TopicIDs []string
	Evidence Evidence

	// Filled on reads, so one query answers a statement and what it
	// points at: its speaker, what it is about, its event and topics.
	Speaker *Entity
	About   []NodeRef
	Event   *Event
	Topics  []Topic
}

// NodeRef is an entity or an event: what a statement can be about.
type NodeRef struct {
	Entity *Entity
	Event  *Event
}

// SourceDocument is one source and every fact it supports, validated, with
// all evidence resolved to offsets. It is what the store loads.
type SourceDocument struct {
	Source Source
	// Entities are declared by this source; EntityEvidence[i] is where the
	// source names Entities[i], when the document says.
	Entities       []Entity
	EntityEvidence [][]Evidence
	Topics         []Topic
	Events         []Event
	Participations []Participation
	Roles          []Role
	Memberships    []Membership
	Statements     []Statement
}
