package graph

import (
	"encoding/json"
	"testing"

	"newsgraph/internal/kg"
)

// TestPageArgs reads first and after as ArgumentMap gives them: a literal's
// int64, a variable coerced or not, nothing; and refuses what the resolver
// would refuse.
func TestPageArgs(t *testing.T) {
	c := "cursor"
	for _, tc := range []struct {
		name  string
		args  map[string]any
		first int
		after *string
		ok    bool
	}{
		{"nothing", map[string]any{}, kg.DefaultPageSize, nil, true},
		{"literal", map[string]any{"first": int64(5), "after": "cursor"}, 5, &c, true},
		{"null after", map[string]any{"first": int64(5), "after": nil}, 5, nil, true},
		{"json number", map[string]any{"first": json.Number("7")}, 7, nil, true},
		{"float", map[string]any{"first": float64(9)}, 9, nil, true},
		{"plain int", map[string]any{"first": 11}, 11, nil, true},
		{"too many", map[string]any{"first": int64(kg.MaxPageSize + 1)}, 0, nil, false},
		{"none", map[string]any{"first": int64(0)}, 0, nil, false},
		{"past int", map[string]any{"first": int64(1) << 40}, 0, nil, false},
		{"not a number", map[string]any{"first": "ten"}, 0, nil, false},
		{"after not a string", map[string]any{"after": int64(3)}, 0, nil, false},
	} {
		first, after, ok := pageArgs(tc.args)
		if ok != tc.ok || first != tc.first || (after == nil) != (tc.after == nil) || after != nil && *after != *tc.after {
			t.Errorf("%s: pageArgs = %d, %v, %v; want %d, %v, %v", tc.name, first, after, ok, tc.first, tc.after, tc.ok)
		}
	}
}

// TestPageRequestFilter checks that a page's filter and order are read when
// given, and that a page without them asks for no condition.
func TestPageRequestFilter(t *testing.T) {
	plain, ok := pageRequest(kg.ScopeSpeaker, map[string]any{"first": int64(3)})
	if !ok || plain.First != 3 || plain.Filter.Order != "" || plain.Filter.AboutID != "" || plain.Filter.Kind != "" {
		t.Errorf("no filter: %+v, %v", plain, ok)
	}
	filtered, ok := pageRequest(kg.ScopeSpeaker, map[string]any{
		"first":   int64(3),
		"filter":  map[string]any{"about": "nation:a", "kind": "QUOTE"},
		"orderBy": "OLDEST",
	})
	if !ok || filtered.Filter.AboutID != "nation:a" || filtered.Filter.Kind != kg.Quote || filtered.Filter.Order != kg.Oldest {
		t.Errorf("filter: %+v, %v", filtered, ok)
	}
}
