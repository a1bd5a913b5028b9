package store

import (
	"context"
	"fmt"
	"strings"

	"newsgraph/internal/kg"
)

// Catalogue reads every entity's names, every role and every topic with
// some of its statements' text: what the extractor recognises a new
// report's people and subjects by.
func (s *Store) Catalogue(ctx context.Context) (kg.Catalogue, error) {
	const op = "store.Catalogue"
	res, err := s.read(ctx, op, query("catalogue"), nil)
	if err != nil {
		return kg.Catalogue{}, err
	}
	var c kg.Catalogue
	if len(res.Records) != 1 {
		return c, fmt.Errorf("%s: %d records", op, len(res.Records))
	}
	r := row(res.Records[0].AsMap())
	for _, e := range r.rows("entities") {
		ent, err := e.entity()
		if err != nil {
			return c, fmt.Errorf("%s: %w", op, err)
		}
		c.Entities = append(c.Entities, ent)
	}
	for _, x := range r.rows("roles") {
		c.Roles = append(c.Roles, kg.Role{PersonID: x.str("person"), Title: x.str("title"), OfID: x.str("of")})
	}
	for _, t := range r.rows("topics") {
		c.Topics = append(c.Topics, kg.TopicText{Topic: kg.Topic{ID: t.str("id"), Name: t.str("name")}, Text: strings.Join(t.strs("texts"), " ")})
	}
	return c, nil
}
