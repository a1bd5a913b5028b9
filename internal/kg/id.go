package kg

import (
	"regexp"
	"strings"
)

// IDKind is the prefix of a node id, before the colon. It names the node's label.
type IDKind string

// The id kinds, one for each node label in the graph model.
const (
	KindPerson       IDKind = "person"
	KindNation       IDKind = "nation"
	KindOrganisation IDKind = "organisation"
	KindEvent        IDKind = "event"
	KindStatement    IDKind = "statement"
	KindTopic        IDKind = "topic"
	KindSource       IDKind = "source"
)

var idKinds = map[IDKind]bool{
	KindPerson: true, KindNation: true, KindOrganisation: true, KindEvent: true,
	KindStatement: true, KindTopic: true, KindSource: true,
}

// slugPattern is lower-case ASCII words joined by single hyphens, the form a
// reader can type and a URL can carry without escaping.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// MaxIDLength bounds ids so that no input can make an index key huge.
const MaxIDLength = 200

// ParseID splits an id of the form <kind>:<slug> and checks both parts. The
// field names the argument in the error, e.g. "id" or "filter.speaker".
func ParseID(field, id string) (IDKind, string, error) {
	if len(id) > MaxIDLength {
		return "", "", InvalidInput(field, "id is longer than %d characters", MaxIDLength)
	}
	kind, slug, ok := strings.Cut(id, ":")
	if !ok {
		return "", "", InvalidInput(field, "%q is not an id of the form <kind>:<slug>, e.g. person:emmanuel-macron", id)
	}
	if !idKinds[IDKind(kind)] {
		return "", "", InvalidInput(field, "%q has unknown kind %q; known kinds are person, nation, organisation, event, statement, topic and source", id, kind)
	}
	if !slugPattern.MatchString(slug) {
		return "", "", InvalidInput(field, "%q has a bad slug; use lower-case letters, digits and single hyphens", id)
	}
	return IDKind(kind), slug, nil
}
