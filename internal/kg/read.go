package kg

import "time"

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
	// SpeakerIDs and AboutIDs are "any of" lists, each combined with the
	// rest of the filter (and with SpeakerID, AboutID) by AND.
	SpeakerIDs []string
	AboutIDs   []string
	// Order is the order of a statement page, not a condition; it travels
	// with the filter so that loader keys and prefetched pages tell the
	// two orders apart. Counts, networks and exports ignore it.
	Order StatementOrder
}

// StatementOrder is the order of a statement list; the zero value is
// Newest.
type StatementOrder string

// The orders, bound to the GraphQL StatementOrder enum.
const (
	Newest StatementOrder = "NEWEST"
	Oldest StatementOrder = "OLDEST"
)

// Scope is what a nested list hangs from: the speaker of
// Entity.statements, the subject of Entity.mentions, the participant of
// Entity.events, and so on. Scoped lists for many parents are fetched in
// one round trip.
type Scope string

// The scopes of statement lists. ScopeNone is a top-level list, with no
// parent.
const (
	ScopeNone    Scope = ""
	ScopeSpeaker Scope = "speaker"
	ScopeAbout   Scope = "about"
	ScopeEvent   Scope = "event"
	ScopeTopic   Scope = "topic"
	ScopeSource  Scope = "source"
)

// The scopes of other lists: the events an entity took part in
// (Entity.events), and an entity's timeline (Entity.timeline; a topic's
// is ScopeTopic).
const (
	ScopeParticipant Scope = "participant"
	ScopeEntity      Scope = "entity"
)

// SearchHit is one search result: exactly one of Entity, Event and
// Statement is set.
type SearchHit struct {
	Entity    *Entity
	Event     *Event
	Statement *Statement
	Score     float64
	// Exact is true when the whole query equals the entity's name or an alias.
	Exact bool
}

// PathNode is a node on a path: an entity, an event or a statement.
type PathNode struct {
	Entity    *Entity
	Event     *Event
	Statement *Statement
}

// ID is the node's id.
func (n PathNode) ID() string {
	switch {
	case n.Entity != nil:
		return n.Entity.ID
	case n.Event != nil:
		return n.Event.ID
	case n.Statement != nil:
		return n.Statement.ID
	}
	return ""
}

// PathLink is one relationship on a path, in its stored direction.
type PathLink struct {
	Type     string
	FromID   string
	ToID     string
	Evidence []Evidence
}

// Path is a chain of links between two nodes.
type Path struct {
	Nodes []PathNode
	Links []PathLink
}

// Path limits, as the API documents them.
const (
	DefaultMaxHops = 4
	MaxMaxHops     = 6
	DefaultPaths   = 5
)

// TimelineEntry is an event or a statement on an entity's or topic's
// timeline; exactly one of Event and Statement is set.
type TimelineEntry struct {
	Date      Date
	Relation  string
	Event     *Event
	Statement *Statement
	// sort keys
	SortDate string
	SourceID string
	Position int
}

// EvidenceKind says what a span of a source supports.
type EvidenceKind string

// The kinds of evidence a source holds, bound to the GraphQL EvidenceKind
// like the entity kinds.
const (
	StatementEvidence     EvidenceKind = "STATEMENT"
	EventEvidence         EvidenceKind = "EVENT"
	RoleEvidence          EvidenceKind = "ROLE"
	MembershipEvidence    EvidenceKind = "MEMBERSHIP"
	ParticipationEvidence EvidenceKind = "PARTICIPATION"
	MentionEvidence       EvidenceKind = "MENTION"
)

// SourceEvidence is one span of a source's text with what it supports: the
// field that Kind names is set, and no other (an entity for a mention).
type SourceEvidence struct {
	Kind          EvidenceKind
	Start, End    int
	Excerpt       string
	Statement     *Statement
	Event         *Event
	Role          *Role
	Membership    *Membership
	Participation *Participation
	Entity        *Entity
	// SourceAliases, for a mention, are the aliases this source gives the
	// entity (Entity.Aliases has those of every source).
	SourceAliases []string
}

// KindReport counts what a load or a delete did to one kind of fact.
type KindReport struct {
	Kind      string `json:"kind"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Deleted   int    `json:"deleted"`
}

// LoadReport says what loading or deleting a source did, kind by kind, in
// a fixed order: entities, topics, events, participations, roles,
// memberships, statements.
type LoadReport []KindReport

// ReportKinds is the order of a LoadReport.
var ReportKinds = []string{"entities", "topics", "events", "participations", "roles", "memberships", "statements"}

// ChangeKind says what happened to a source, in the change feed.
type ChangeKind string

// The kinds of change, bound to the GraphQL SourceChangeKind enum.
const (
	SourceIngested ChangeKind = "INGESTED"
	SourceReplaced ChangeKind = "REPLACED"
	SourceDeleted  ChangeKind = "DELETED"
)

// Change is one entry of the change feed: a source ingested, replaced or
// deleted, with the statements that arrived with it and what the load or
// delete reported. Seq numbers changes in commit order.
type Change struct {
	Seq      int64
	Kind     ChangeKind
	SourceID string
	// Added are the ids of the statements the change brought that were
	// not in the graph before.
	Added []string
	// Counts is the load's or delete's report; empty for sources written
	// by the bulk path (LoadDocuments), which compares no fingerprints.
	Counts LoadReport
	At     time.Time
}
