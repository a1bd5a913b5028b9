package store

import (
	"context"
	"fmt"

	"newsgraph/internal/kg"
)

// SourceEvidence returns, for each source, every span of its text that
// supports something, in text order (see source_evidence.cypher), in the
// order of ids.
func (s *Store) SourceEvidence(ctx context.Context, sourceIDs []string) ([][]kg.SourceEvidence, error) {
	const op = "store.SourceEvidence"
	res, err := s.read(ctx, op, query("source_evidence"), map[string]any{"ids": sourceIDs})
	if err != nil {
		return nil, err
	}
	out, err := perKey(res.Records, len(sourceIDs), "evidence", func(v any) ([]kg.SourceEvidence, error) {
		rows := (row{"e": v}).rows("e")
		list := make([]kg.SourceEvidence, len(rows))
		for i, r := range rows {
			se, err := r.sourceEvidence()
			if err != nil {
				return nil, err
			}
			list[i] = se
		}
		return list, nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// sourceEvidence reads one span of source_evidence.cypher and its fact.
func (r row) sourceEvidence() (kg.SourceEvidence, error) {
	se := kg.SourceEvidence{Kind: kg.EvidenceKind(r.str("kind")), Start: r.int("start"), End: r.int("end"), Excerpt: r.str("excerpt")}
	item, ok := r.row("item")
	if !ok {
		return se, fmt.Errorf("%s evidence at %d without its fact", se.Kind, se.Start)
	}
	switch se.Kind {
	case kg.StatementEvidence:
		st, err := item.statement()
		se.Statement = &st
		return se, err
	case kg.EventEvidence:
		ev := item.event()
		se.Event = &ev
	case kg.MentionEvidence:
		e, err := item.entity()
		se.Entity = &e
		se.SourceAliases = item.strs("sourceAliases")
		return se, err
	case kg.RoleEvidence, kg.MembershipEvidence, kg.ParticipationEvidence:
		f, err := item.fact()
		if err != nil {
			return se, err
		}
		switch se.Kind {
		case kg.RoleEvidence:
			role := roleFromFact(f)
			se.Role = &role
		case kg.MembershipEvidence:
			m := membershipFromFact(f)
			se.Membership = &m
		default:
			p := participationFromFact(f)
			se.Participation = &p
		}
	default:
		return se, fmt.Errorf("evidence of unknown kind %q", se.Kind)
	}
	return se, nil
}
