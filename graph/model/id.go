package model

import "github.com/99designs/gqlgen/graphql"

// MarshalID writes the ID scalar.
func MarshalID(s string) graphql.Marshaler { return graphql.MarshalID(s) }

// UnmarshalID reads the ID scalar. A null optional ID (`event: null` in a
// StatementInput) is "", which the ingestion types read as absent;
// gqlgen's own UnmarshalID would make it the id "null".
func UnmarshalID(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	return graphql.UnmarshalID(v)
}
