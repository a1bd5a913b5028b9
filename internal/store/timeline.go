package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"newsgraph/internal/kg"
)

// EntityTimelines returns each entity's timeline, in the order of ids.
func (s *Store) EntityTimelines(ctx context.Context, ids []string) ([][]kg.TimelineEntry, error) {
	return s.timelines(ctx, "store.EntityTimelines", "timeline_entity", ids)
}

// TopicTimelines returns each topic's timeline, in the order of ids.
func (s *Store) TopicTimelines(ctx context.Context, ids []string) ([][]kg.TimelineEntry, error) {
	return s.timelines(ctx, "store.TopicTimelines", "timeline_topic", ids)
}

func (s *Store) timelines(ctx context.Context, op, name string, ids []string) ([][]kg.TimelineEntry, error) {
	res, err := s.read(ctx, op, query(name), map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([][]kg.TimelineEntry, len(ids))
	for i, rec := range res.Records {
		if i >= len(ids) {
			break
		}
		entries, err := timelineEntries(rec)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		SortTimeline(entries)
		out[i] = entries
	}
	return out, nil
}

func timelineEntries(rec *neo4j.Record) ([]kg.TimelineEntry, error) {
	events, _, err := neo4j.GetRecordValue[[]any](rec, "events")
	if err != nil {
		return nil, err
	}
	statements, _, err := neo4j.GetRecordValue[[]any](rec, "statements")
	if err != nil {
		return nil, err
	}
	var out []kg.TimelineEntry
	for _, e := range (row{"e": events}).rows("e") {
		ev := e.event()
		out = append(out, kg.TimelineEntry{Date: ev.Date, Relation: e.str("relation"), Event: &ev, SortDate: e.str("sortDate")})
	}
	for _, e := range (row{"s": statements}).rows("s") {
		r, _ := e.row("statement")
		st, err := r.statement()
		if err != nil {
			return nil, err
		}
		out = append(out, kg.TimelineEntry{Date: st.Date, Relation: e.str("relation"), Statement: &st,
			SortDate: e.str("sortDate"), SourceID: e.str("sourceId"), Position: e.int("position")})
	}
	return out, nil
}

// SortTimeline orders entries oldest first. A partial date sorts at the
// start of its period and before the days in it ("2025-09" before
// "2025-09-01"); undated entries come last; on one date, events come before
// statements, and statements keep their order in the source.
func SortTimeline(es []kg.TimelineEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if (a.SortDate == "") != (b.SortDate == "") {
			return b.SortDate == ""
		}
		if a.SortDate != b.SortDate {
			return a.SortDate < b.SortDate
		}
		if len(a.Date) != len(b.Date) {
			return len(a.Date) < len(b.Date)
		}
		if (a.Event != nil) != (b.Event != nil) {
			return a.Event != nil
		}
		if a.SourceID != b.SourceID {
			return a.SourceID < b.SourceID
		}
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		return timelineID(a) < timelineID(b)
	})
}

func timelineID(e kg.TimelineEntry) string {
	if e.Event != nil {
		return e.Event.ID
	}
	return e.Statement.ID
}
