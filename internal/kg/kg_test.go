package kg

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseID(t *testing.T) {
	tests := []struct {
		id       string
		wantKind IDKind
		wantErr  string
	}{
		{"person:emmanuel-macron", KindPerson, ""},
		{"event:2025-09-04-coalition-of-the-willing-summit", KindEvent, ""},
		{"source:reuters-2025-09-05-coalition-of-the-willing", KindSource, ""},
		{"organisation:nato", KindOrganisation, ""},
		{"macron", "", "not an id of the form"},
		{"planet:mars", "", `unknown kind "planet"`},
		{"person:", "", "bad slug"},
		{"person:Emmanuel-Macron", "", "bad slug"},
		{"person:emmanuel--macron", "", "bad slug"},
		{"person:emmanuel macron", "", "bad slug"},
		{"person:x' OR 1=1 //", "", "bad slug"},
		{"Person:emmanuel-macron", "", "unknown kind"},
		{"person:" + strings.Repeat("a", 300), "", "longer than"},
	}
	for _, tt := range tests {
		kind, _, err := ParseID("id", tt.id)
		if tt.wantErr == "" {
			if err != nil || kind != tt.wantKind {
				t.Errorf("ParseID(%q) = %q, %v; want %q", tt.id, kind, err, tt.wantKind)
			}
			continue
		}
		var kerr *Error
		if !errors.As(err, &kerr) || !errors.Is(err, ErrInvalidInput) || kerr.Field != "id" || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseID(%q) err = %v; want invalid input on id mentioning %q", tt.id, err, tt.wantErr)
		}
	}
}

func TestPageSize(t *testing.T) {
	ptr := func(n int) *int { return &n }
	tests := []struct {
		first *int
		want  int
		ok    bool
	}{
		{nil, 20, true}, {ptr(1), 1, true}, {ptr(100), 100, true},
		{ptr(0), 0, false}, {ptr(101), 0, false}, {ptr(-5), 0, false}, {ptr(1 << 40), 0, false},
	}
	for _, tt := range tests {
		got, err := PageSize(tt.first)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("PageSize(%v) = %d, %v", tt.first, got, err)
		}
		if err != nil && (!errors.Is(err, ErrInvalidInput) || !strings.HasPrefix(err.Error(), "first: must be between 1 and 100")) {
			t.Errorf("PageSize error %q does not name first and its range", err)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	c := EncodeCursor("entities", "emmanuel macron", "person:emmanuel-macron")
	key, err := DecodeCursor("entities", 2, &c)
	if err != nil || len(key) != 2 || key[0] != "emmanuel macron" || key[1] != "person:emmanuel-macron" {
		t.Fatalf("DecodeCursor = %q, %v", key, err)
	}
	if key, err := DecodeCursor("entities", 2, nil); key != nil || err != nil {
		t.Errorf("nil after: %q, %v", key, err)
	}
	for _, bad := range []string{"", "%%%", "eyJ2Ijo5fQ", c + "x", EncodeCursor("statements", "a", "b"), EncodeCursor("entities", "a")} {
		if _, err := DecodeCursor("entities", 2, &bad); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("DecodeCursor(%q) err = %v, want invalid input", bad, err)
		}
	}
}

// TestEncodeCursorBytes checks that cursors written without json.Marshal
// are the bytes it would write, so cursors handed out before stay equal
// to the ones handed out now, and that keys it must escape still decode.
func TestEncodeCursorBytes(t *testing.T) {
	cases := []struct {
		list string
		key  []string
	}{
		{"statements", []string{"2025-09-04", "source:x", "12", "statement:x-12"}},
		{"entities", []string{"emmanuel macron", "person:emmanuel-macron"}},
		{"entities", []string{"", ""}},
		{"entities", []string{}},
		{"entities", nil},
		{"entities", []string{`say "no"`, `a\b`}},
		{"entities", []string{"<b>&", "x"}},
		{"entities", []string{"Zürich", "line\nbreak"}},
		{"l\"ist", []string{"a"}},
	}
	for _, c := range cases {
		b, _ := json.Marshal(Cursor{V: cursorVersion, List: c.list, Key: c.key})
		want := base64.RawURLEncoding.EncodeToString(b)
		got := EncodeCursor(c.list, c.key...)
		if got != want {
			t.Errorf("EncodeCursor(%q, %q) = %s, want json.Marshal's %s", c.list, c.key, got, want)
		}
		if len(c.key) == 0 {
			continue
		}
		key, err := DecodeCursor(c.list, len(c.key), &got)
		if err != nil || !slices.Equal(key, c.key) {
			t.Errorf("DecodeCursor(EncodeCursor(%q, %q)) = %q, %v", c.list, c.key, key, err)
		}
	}
}
