package kg

// CountDimension is what statementCounts groups statements by.
type CountDimension string

// The dimensions, bound to the GraphQL CountDimension enum.
const (
	BySpeaker CountDimension = "SPEAKER"
	ByAbout   CountDimension = "ABOUT"
	ByTopic   CountDimension = "TOPIC"
	ByEvent   CountDimension = "EVENT"
	BySource  CountDimension = "SOURCE"
	ByKind    CountDimension = "KIND"
	ByDay     CountDimension = "DAY"
	ByMonth   CountDimension = "MONTH"
	ByYear    CountDimension = "YEAR"
)

// Undated is the key of the DAY, MONTH and YEAR bucket of statements whose
// date is missing or less precise than the bucket: a statement dated
// 2025-09 counts in MONTH 2025-09 and YEAR 2025, but under Undated for DAY.
const Undated = "undated"

// CountNode is the node a bucket counts for: exactly one field is set.
type CountNode struct {
	Entity *Entity
	Event  *Event
	Topic  *Topic
	Source *Source
}

// Count is one bucket of statementCounts: its key (a node's id, a kind, a
// period or Undated), its node for the node dimensions, and how many
// statements it holds.
type Count struct {
	Key   string
	Node  *CountNode
	Count int
}

// The scopes of the statements behind a bucket or a network edge. Their
// anchors are a bucket's key (an about target's id, a kind, a period or
// Undated), or for ScopeSpeakerAbout "<speaker id> <about id>".
const (
	ScopeAboutNode    Scope = "aboutNode"
	ScopeKind         Scope = "kind"
	ScopeDay          Scope = "day"
	ScopeMonth        Scope = "month"
	ScopeYear         Scope = "year"
	ScopeSpeakerAbout Scope = "speakerAbout"
)

// CountScope is the scope whose anchor, a bucket's key, lists the
// statements of the bucket of dimension d.
var CountScope = map[CountDimension]Scope{
	BySpeaker: ScopeSpeaker, ByAbout: ScopeAboutNode, ByTopic: ScopeTopic, ByEvent: ScopeEvent,
	BySource: ScopeSource, ByKind: ScopeKind, ByDay: ScopeDay, ByMonth: ScopeMonth, ByYear: ScopeYear,
}

// StatementKindCount is how many of a network edge's statements are of one kind.
type StatementKindCount struct {
	Kind  StatementKind
	Count int
}

// NetworkEdge is who said something about whom: a speaker, one thing its
// statements are about (an entity or an event), how many statements say
// so, and how many of each kind.
type NetworkEdge struct {
	From  Entity
	To    NodeRef
	Count int
	Kinds []StatementKindCount
}

// NetworkNode is an end of the kept edges, with the sum of their counts.
type NetworkNode struct {
	Node   NodeRef
	Degree int
}

// Network is the heaviest speaker-to-target edges of a statement filter
// and the nodes they join.
type Network struct {
	Nodes []NetworkNode
	Edges []NetworkEdge
}
