package kg

// EntityKind says whether an entity is a person, a nation or an organisation.
type EntityKind string

// The entity kinds. gqlgen binds the GraphQL EntityKind to these constants
// (gqlgen.yml), so their values are also the enum's.
const (
	Person       EntityKind = "PERSON"
	Nation       EntityKind = "NATION"
	Organisation EntityKind = "ORGANISATION"
)

// EntityKinds lists every entity kind, in a fixed order.
var EntityKinds = []EntityKind{Person, Nation, Organisation}

// Valid reports whether k is a known kind.
func (k EntityKind) Valid() bool {
	return k == Person || k == Nation || k == Organisation
}

// IDKind is the id prefix that entities of this kind carry.
func (k EntityKind) IDKind() IDKind {
	switch k {
	case Person:
		return KindPerson
	case Nation:
		return KindNation
	case Organisation:
		return KindOrganisation
	}
	return ""
}

// EntityKindOf returns the entity kind for an id prefix, and false when the
// prefix is not an entity's.
func EntityKindOf(k IDKind) (EntityKind, bool) {
	switch k {
	case KindPerson:
		return Person, true
	case KindNation:
		return Nation, true
	case KindOrganisation:
		return Organisation, true
	}
	return "", false
}

// Entity is a person, nation or organisation.
type Entity struct {
	ID          string
	Kind        EntityKind
	Name        string
	Aliases     []string
	Description string
	// Counts are the entity's statement counts, kept on its node; nil when
	// the query that read the entity did not read them.
	Counts *EntityCounts
}

// EntityCounts are how many statements an entity said (Quoted) and how
// many are about it (Mentioned), as stored on its node at ingest.
type EntityCounts struct {
	Quoted, Mentioned int
}

// EntityOrder is the order of a list of entities; the zero value is
// ByName.
type EntityOrder string

// The orders, bound to the GraphQL EntityOrder enum. The two by count put
// the largest first and break ties by name, then id, as ByName does.
const (
	ByName        EntityOrder = "NAME"
	MostQuoted    EntityOrder = "MOST_QUOTED"
	MostMentioned EntityOrder = "MOST_MENTIONED"
)

// EntityFilter narrows a list of entities. Zero values mean "any".
type EntityFilter struct {
	Kinds []EntityKind
	// Name matches the name or any alias, ignoring case and accents.
	Name string
}
