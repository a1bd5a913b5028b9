package loader

import (
	"reflect"
	"testing"

	"newsgraph/internal/kg"
)

// TestPageKeyRoundTrip checks that a page key gives back the filter and
// arguments it was made from, lists and their absence included, and that
// keys are equal exactly when the arguments are.
func TestPageKeyRoundTrip(t *testing.T) {
	after := "cursor:1"
	empty := ""
	filters := []kg.StatementFilter{
		{},
		{SpeakerID: "person:a", AboutID: "nation:b", Kind: kg.Quote, From: "2024", To: "2024-05-01", Text: "gas prices", Order: kg.Oldest},
		{SpeakerIDs: []string{}, AboutIDs: []string{}, SpeakerKinds: []kg.EntityKind{}},
		{SpeakerIDs: []string{"person:a", "person:b"}, AboutIDs: []string{"3:abc", "", "x:1:y"}},
		{SpeakerIDs: []string{"person:a:person:b"}},
		{SpeakerKinds: []kg.EntityKind{"PERSON", "NATION"}, EventID: "event:e", TopicID: "topic:t"},
	}
	afters := []*string{nil, &empty, &after}
	for i, f := range filters {
		for _, a := range afters {
			k := StatementPageKey(kg.ScopeSpeaker, "person:a", f, 20, a)
			if got := k.args.filter.Filter(); !reflect.DeepEqual(got, f) {
				t.Errorf("filter %d: got back %#v, want %#v", i, got, f)
			}
			if got := k.args.afterPtr(); (got == nil) != (a == nil) || got != nil && *got != *a {
				t.Errorf("filter %d: after %v came back as %v", i, a, got)
			}
			if k != StatementPageKey(kg.ScopeSpeaker, "person:a", f, 20, a) {
				t.Errorf("filter %d: two keys of the same arguments differ", i)
			}
		}
	}
	// Keys of different arguments differ, so they never share a page.
	seen := map[PageKey]int{}
	for i, f := range filters {
		for j, a := range afters {
			for _, first := range []int{10, 20} {
				k := StatementPageKey(kg.ScopeSpeaker, "person:a", f, first, a)
				if prev, dup := seen[k]; dup {
					t.Errorf("filter %d after %d first %d: same key as case %d", i, j, first, prev)
				}
				seen[k] = i
			}
		}
	}
	if StatementPageKey(kg.ScopeSpeaker, "a", kg.StatementFilter{}, 20, nil) == StatementPageKey(kg.ScopeAbout, "a", kg.StatementFilter{}, 20, nil) {
		t.Error("keys of two scopes are equal")
	}
}

// TestPageKeyHoldsEveryFilterField fails when kg.StatementFilter gains a
// field the key does not carry: two pages differing only in it would
// share a key, and one would be answered with the other's statements.
func TestPageKeyHoldsEveryFilterField(t *testing.T) {
	typ := reflect.TypeFor[kg.StatementFilter]()
	zero := StatementPageKey(kg.ScopeNone, "", kg.StatementFilter{}, 20, nil)
	for i := range typ.NumField() {
		var f kg.StatementFilter
		v := reflect.ValueOf(&f).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Slice:
			s := reflect.MakeSlice(v.Type(), 2, 2)
			s.Index(0).SetString("a")
			s.Index(1).SetString("b")
			v.Set(s)
		default:
			t.Fatalf("StatementFilter.%s is a %s: teach filterKey and this test about it", typ.Field(i).Name, v.Kind())
		}
		k := StatementPageKey(kg.ScopeNone, "", f, 20, nil)
		if k == zero {
			t.Errorf("StatementFilter.%s is not in the page key", typ.Field(i).Name)
		}
		if got := k.args.filter.Filter(); !reflect.DeepEqual(got, f) {
			t.Errorf("StatementFilter.%s does not come back from the key: %#v", typ.Field(i).Name, got)
		}
	}
}
