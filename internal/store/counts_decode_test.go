package store

import "testing"

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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vanishedEnd(tt.row); got != tt.want {
				t.Errorf("vanishedEnd = %v, want %v", got, tt.want)
			}
		})
	}
}
