package kg

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// Page sizes, as the API contract sets them.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageSize checks a connection's `first` argument and applies the default.
// Out-of-range values are errors, never silently capped.
func PageSize(first *int) (int, error) {
	if first == nil {
		return DefaultPageSize, nil
	}
	if *first < 1 || *first > MaxPageSize {
		return 0, InvalidInput("first", "must be between 1 and %d, got %d", MaxPageSize, *first)
	}
	return *first, nil
}

// Page is one page of a list of entities, statements, events or sources:
// what a GraphQL connection shows, whatever it lists.
type Page[T any] struct {
	Items []T
	// Cursors[i] is the opaque cursor of Items[i].
	Cursors         []string
	HasNextPage     bool
	HasPreviousPage bool
	// TotalCount is how many items the list has across all pages.
	TotalCount int
}

// cursorVersion lets the cursor format change later without old cursors
// being misread: a cursor from another version is rejected as invalid.
const cursorVersion = 1

// Cursor is the position after which a page starts: the sort key of the
// last item seen, and which list it belongs to. Keyset cursors stay valid
// while the graph grows, unlike offsets.
type Cursor struct {
	V int `json:"v"`
	// List names the connection the cursor came from, so a cursor from
	// one list is refused by another instead of silently misplacing the page.
	List string `json:"l"`
	// Key is the sort key of the item, compared in the list's order.
	Key []string `json:"k"`
}

// EncodeCursor makes an opaque cursor for an item of list with the given sort key.
func EncodeCursor(list string, key ...string) string {
	// Every item of a page gets a cursor, so the usual case, keys of plain
	// characters, is written here; the bytes are json.Marshal's.
	plain := plainJSON(list)
	n := len(`{"v":10,"l":"","k":[]}`) + len(list)
	for _, k := range key {
		plain = plain && plainJSON(k)
		n += len(k) + 3
	}
	if !plain {
		b, _ := json.Marshal(Cursor{V: cursorVersion, List: list, Key: key})
		return base64.RawURLEncoding.EncodeToString(b)
	}
	b := make([]byte, 0, n)
	b = strconv.AppendInt(append(b, `{"v":`...), cursorVersion, 10)
	b = append(append(append(b, `,"l":"`...), list...), `","k":[`...)
	for i, k := range key {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), k...), '"')
	}
	if key == nil {
		b = append(b[:len(b)-1], "null"...)
	} else {
		b = append(b, ']')
	}
	b = append(b, '}')
	return base64.RawURLEncoding.EncodeToString(b)
}

// plainJSON says whether json.Marshal writes s as it is between quotes:
// printable ASCII other than the quote, the backslash and the three
// characters it escapes for HTML.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// DecodeCursor reads a cursor made by EncodeCursor for list, expecting a key
// of keyLen parts. A nil `after` gives a nil key.
func DecodeCursor(list string, keyLen int, after *string) ([]string, error) {
	if after == nil {
		return nil, nil
	}
	bad := InvalidInput("after", "%q is not a cursor from this list; use a cursor from pageInfo.endCursor or an edge", truncate(*after, 40))
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimSpace(*after))
	if err != nil {
		return nil, bad
	}
	var c Cursor
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, bad
	}
	if c.V != cursorVersion || c.List != list || len(c.Key) != keyLen {
		return nil, bad
	}
	return c.Key, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
