package model

import "newsgraph/internal/kg"

// Count is a bucket of statementCounts. Scope, Anchor and Filter say which
// statements it counts, for its statements field: the filter's, in the
// scope of the bucket's key.
type Count struct {
	Key    string
	Node   Node
	Count  int
	Scope  kg.Scope
	Anchor string
	Filter kg.StatementFilter
}

// NetworkEdge is an edge of network. Anchor and Filter say which
// statements it counts, for its statements field: the filter's, in
// kg.ScopeSpeakerAbout.
type NetworkEdge struct {
	From   Entity
	To     Node
	Count  int
	Kinds  []*StatementKindCount
	Anchor string
	Filter kg.StatementFilter
}
