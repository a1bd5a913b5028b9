package kg

// StatementFilter narrows a list of statements. Zero values mean "any";
// set fields combine with AND.
type StatementFilter struct {
	SpeakerID string
	// AboutID is an entity's or an event's id.
	AboutID  string
	EventID  string
	TopicID  string
	Kind     StatementKind
	From, To Date
	// Text holds words the statement's text must contain.
	Text         string
	SpeakerKinds []EntityKind
}

// Scope is what a nested statement list hangs from: the speaker of
// Entity.statements, the subject of Entity.mentions, and so on. Scoped pages
// for many parents are fetched in one round trip.
type Scope string

// The scopes of statement lists.
const (
	ScopeNone    Scope = ""
	ScopeSpeaker Scope = "speaker"
	ScopeAbout   Scope = "about"
	ScopeEvent   Scope = "event"
	ScopeTopic   Scope = "topic"
	ScopeSource  Scope = "source"
)

// StatementPage is one page of statements.
type StatementPage struct {
	Statements      []Statement
	Cursors         []string
	HasNextPage     bool
	HasPreviousPage bool
	TotalCount      int
}

// EventPage is one page of events.
type EventPage struct {
	Events          []Event
	Cursors         []string
	HasNextPage     bool
	HasPreviousPage bool
	TotalCount      int
}

// SourcePage is one page of sources.
type SourcePage struct {
	Sources         []Source
	Cursors         []string
	HasNextPage     bool
	HasPreviousPage bool
	TotalCount      int
}
