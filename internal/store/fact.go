package store

import (
	"context"
	"fmt"
	"sync"

	"newsgraph/internal/kg"
)

// facts runs a query returning, per id, a list of relationship facts in
// fact_projection form, and turns each into T.
func facts[T any](ctx context.Context, s *Store, op, cypher string, ids []string, make func(fact) T) ([][]T, error) {
	res, err := s.read(ctx, op, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out, err := perKey(res.Records, len(ids), "facts", func(v any) ([]T, error) { return decodeFacts(v, make) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// entityFacts is the query of one fact list for a list of entities: one
// row per id, in the order given. The list itself is an expression over a
// bound entity, so that EntityBundle evaluates the same text on the entity
// it has matched instead of matching it again by id.
func entityFacts(name string) string {
	if q, ok := factQueries.Load(name); ok {
		return q.(string)
	}
	q := "UNWIND $ids AS id\nOPTIONAL MATCH (node:Entity {id: id})\nRETURN id, " + query(name) + " AS facts"
	factQueries.Store(name, q)
	return q
}

// factQueries holds entityFacts's answers: four fixed texts.
var factQueries sync.Map

// decodeFacts reads a list of fact projections ({{FACT}}).
func decodeFacts[T any](v any, make func(fact) T) ([]T, error) {
	var list []T
	for _, r := range (row{"f": v}).rows("f") {
		f, err := r.fact()
		if err != nil {
			return nil, err
		}
		list = append(list, make(f))
	}
	return list, nil
}

func roleFromFact(f fact) kg.Role {
	of, _ := f.to.entity()
	return kg.Role{PersonID: f.from.ID, Title: f.title, OfID: of.ID, Evidence: f.evidence, Person: f.from, Of: of}
}

func membershipFromFact(f fact) kg.Membership {
	org, _ := f.to.entity()
	return kg.Membership{MemberID: f.from.ID, OrganisationID: org.ID, Role: f.role, Evidence: f.evidence, Member: f.from, Organisation: org}
}

// RolesOfPeople returns each person's roles, in the order of ids.
func (s *Store) RolesOfPeople(ctx context.Context, personIDs []string) ([][]kg.Role, error) {
	return facts(ctx, s, "store.RolesOfPeople", entityFacts("facts_roles"), personIDs, roleFromFact)
}

// RolesIn returns the roles held in each nation or organisation: its leaders.
func (s *Store) RolesIn(ctx context.Context, ids []string) ([][]kg.Role, error) {
	return facts(ctx, s, "store.RolesIn", entityFacts("facts_leaders"), ids, roleFromFact)
}

// MembershipsOf returns the organisations each entity belongs to.
func (s *Store) MembershipsOf(ctx context.Context, memberIDs []string) ([][]kg.Membership, error) {
	return facts(ctx, s, "store.MembershipsOf", entityFacts("facts_memberships"), memberIDs, membershipFromFact)
}

// MembersOf returns each organisation's members.
func (s *Store) MembersOf(ctx context.Context, organisationIDs []string) ([][]kg.Membership, error) {
	return facts(ctx, s, "store.MembersOf", entityFacts("facts_members"), organisationIDs, membershipFromFact)
}
