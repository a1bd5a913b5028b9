package store

import (
	"context"
	"fmt"

	"newsgraph/internal/kg"
)

const eventCursorList = "events"

// EventPages returns one page of events per anchor, newest first: every
// event (ScopeNone, one anchor ""), or those each anchor entity took part
// in (ScopeParticipant).
func (s *Store) EventPages(ctx context.Context, scope kg.Scope, anchors []string, first int, after *string) ([]kg.Page[kg.Event], error) {
	const op = "store.EventPages"
	if scope != kg.ScopeNone && scope != kg.ScopeParticipant {
		return nil, fmt.Errorf("%s: no event list has scope %q", op, scope)
	}
	key, err := kg.DecodeCursor(eventCursorList, 2, after)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	params := map[string]any{"anchors": anchors, "scoped": scope == kg.ScopeParticipant, "limit": first + 1, "cursor": nil}
	if key != nil {
		params["cursor"] = key
	}
	res, err := s.read(ctx, op, query("events_page"), params)
	if err != nil {
		return nil, err
	}
	pages := make([]kg.Page[kg.Event], len(anchors))
	for i, rec := range res.Records {
		if i >= len(pages) {
			break
		}
		p := &pages[i]
		info, err := readPage(rec, first, key != nil, func(r row) error {
			ev := r.event()
			p.Items = append(p.Items, ev)
			p.Cursors = append(p.Cursors, kg.EncodeCursor(eventCursorList, r.str("sortDate"), ev.ID))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		p.TotalCount, p.HasNextPage, p.HasPreviousPage = info.total, info.hasNext, info.prev
	}
	return pages, nil
}

// EventsByID returns events in the order of ids; nil where absent.
func (s *Store) EventsByID(ctx context.Context, ids []string) ([]*kg.Event, error) {
	const op = "store.EventsByID"
	res, err := s.read(ctx, op, query("events_by_id"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out, err := perKey(res.Records, len(ids), "ev", func(v any) (*kg.Event, error) {
		r, ok := asRow(v)
		if !ok {
			return nil, fmt.Errorf("event is %T", v)
		}
		ev := r.event()
		return &ev, nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// EventEvidence returns each event's evidence, in the order of ids.
func (s *Store) EventEvidence(ctx context.Context, ids []string) ([][]kg.Evidence, error) {
	const op = "store.EventEvidence"
	res, err := s.read(ctx, op, query("event_evidence"), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return perKey(res.Records, len(ids), "evidence", func(v any) ([]kg.Evidence, error) {
		return row{"e": v}.evidenceList("e"), nil
	})
}

// Participations returns each event's participants, in the order of ids.
func (s *Store) Participations(ctx context.Context, eventIDs []string) ([][]kg.Participation, error) {
	return facts(ctx, s, "store.Participations", query("participations_by_event"), eventIDs, participationFromFact)
}

func participationFromFact(f fact) kg.Participation {
	ev := f.to.event()
	return kg.Participation{EntityID: f.from.ID, EventID: ev.ID, Role: f.role, Evidence: f.evidence, Entity: f.from, Event: ev}
}
