package store

import (
	"testing"

	"newsgraph/internal/kg"
)

// A network row whose speaker or target a concurrent delete removed (a
// node with no labels and no properties, as read committed shows it) is
// left out; a whole row is kept.
func TestVanishedEnd(t *testing.T) {
	person := map[string]any{"id": "person:a", "name": "A", "labels": []any{"Entity", "Person"}}
	event := map[string]any{"id": "event:e", "name": "E", "labels": []any{"Event"}}
	gone := map[string]any{"id": nil, "name": nil, "labels": []any{}}
	tests := []struct {
		name string
		row  row
		want bool
	}{
		{"both there", row{"from": person, "to": event}, false},
		{"speaker deleted", row{"from": gone, "to": event}, true},
		{"target deleted", row{"from": person, "to": gone}, true},
		{"target missing", row{"from": person}, true},
		{"labels gone, id read", row{"from": map[string]any{"id": "person:a", "labels": []any{}}, "to": event}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vanishedEnd(tt.row); got != tt.want {
				t.Errorf("vanishedEnd = %v, want %v", got, tt.want)
			}
		})
	}
}

// A statement a concurrent delete or replacement removed mid-query (no id,
// or no speaker when the speaker was asked for) is left out of a page or a
// search; without the speaker asked for, a missing one means nothing.
func TestVanishedStatement(t *testing.T) {
	speaker := &kg.Entity{ID: "person:a"}
	tests := []struct {
		name string
		st   kg.Statement
		f    Fields
		want bool
	}{
		{"whole", kg.Statement{ID: "statement:1", Speaker: speaker}, AllFields, false},
		{"no id", kg.Statement{Speaker: speaker}, AllFields, true},
		{"speaker gone", kg.Statement{ID: "statement:1"}, AllFields, true},
		{"speaker not asked for", kg.Statement{ID: "statement:1"}, Fields{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vanishedStatement(tt.st, tt.f); got != tt.want {
				t.Errorf("vanishedStatement = %v, want %v", got, tt.want)
			}
		})
	}
}

// An entity a concurrent delete removed between the match and the
// projection (entity(id), the entities a loader reads by id) reads as not
// found, as it would a moment later; a node that is there but is not an
// entity is still an error.
func TestLiveEntity(t *testing.T) {
	tests := []struct {
		name    string
		row     row
		want    string // the entity's id; "" for none
		wantErr bool
	}{
		{"there", row{"id": "person:a", "name": "A", "labels": []any{"Entity", "Person"}}, "person:a", false},
		{"deleted: nothing read", row{"id": nil, "name": nil, "labels": []any{}}, "", false},
		{"deleted: labels gone, id read", row{"id": "person:a", "labels": []any{}}, "", false},
		{"not an entity", row{"id": "event:e", "labels": []any{"Event"}}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := liveEntity(tt.row)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want one: %v", err, tt.wantErr)
			}
			got := ""
			if e != nil {
				got = e.ID
			}
			if got != tt.want {
				t.Errorf("entity %q, want %q", got, tt.want)
			}
		})
	}
}
