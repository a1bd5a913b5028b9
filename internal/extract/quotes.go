package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quote is one double-quoted passage: its marks included in span, the
// words alone in inner.
type quote struct {
	span
	inner span
	para  int
	// open: the paragraph ended before a closing mark, as wire copy does
	// when a quotation goes on in the next paragraph.
	open bool
	// continues: the paragraph before ended inside a quotation and this
	// one opens with a quotation mark, so the same speaker goes on.
	continues bool
}

// words is the quotation's text as a QUOTE holds it: the exact words, less
// the comma that stands in for a full stop before an attribution.
func (q *quote) words(t *text) string {
	w := strings.TrimSpace(q.inner.in(t))
	w = strings.TrimRight(w, ",;:")
	w = strings.TrimSpace(w)
	// A quotation that ends in a dash stopped mid-sentence; keep it.
	return w
}

// wordCount counts the words inside the quotation.
func (q *quote) wordCount(t *text) int { return len(strings.Fields(q.inner.in(t))) }

// findQuotes finds the double-quoted passages of each paragraph. Straight
// quotes pair up in order; typographic ones open and close explicitly.
// Single quotes are apostrophes or nested quotations and are left alone.
func findQuotes(s string, paras []span) []*quote {
	var out []*quote
	prevOpen := false
	for pi, p := range paras {
		var cur *quote
		first := true
		for i := p.start; i < p.end; {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == '"' && cur == nil, r == '“' && cur == nil, r == '«' && cur == nil, r == '„' && cur == nil:
				cur = &quote{span: span{i, 0}, para: pi, continues: first && prevOpen}
				cur.inner.start = i + n
			case (r == '"' || r == '”' || r == '»') && cur != nil:
				cur.inner.end = i
				cur.end = i + n
				if !cur.inner.empty() && strings.TrimSpace(s[cur.inner.start:cur.inner.end]) != "" {
					out = append(out, cur)
				}
				cur = nil
			case r == '“' && cur != nil:
				// A new opening mark inside an unclosed quotation: the
				// first one was never closed; end it here.
				cur.inner.end, cur.end = i, i
				cur.open = true
				if strings.TrimSpace(s[cur.inner.start:cur.inner.end]) != "" {
					out = append(out, cur)
				}
				cur = &quote{span: span{i, 0}, para: pi}
				cur.inner.start = i + n
			}
			if !unicode.IsSpace(r) {
				first = false
			}
			i += n
		}
		prevOpen = false
		if cur != nil {
			cur.inner.end, cur.end = p.end, p.end
			cur.open = true
			if strings.TrimSpace(s[cur.inner.start:cur.inner.end]) != "" {
				out = append(out, cur)
				prevOpen = true
			}
		}
	}
	out = append(out, singleQuotes(s, paras, out)...)
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	for _, q := range out {
		q.inner = trimSpan(s, q.inner)
	}
	return out
}

// singleQuotes finds quotations in typographic single marks (‘…’), as
// British copy and some agencies write them, outside double-quoted
// passages. An opening ‘ must follow a space or a bracket, and the
// closing ’ is the first one followed by punctuation or a space that
// does not end a plural possessive ("leaders’ summit").
func singleQuotes(s string, paras []span, doubles []*quote) []*quote {
	var out []*quote
	inDouble := func(i int) bool {
		for _, q := range doubles {
			if q.start <= i && i < q.end {
				return true
			}
		}
		return false
	}
	for pi, p := range paras {
		for i := p.start; i < p.end; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != '‘' || inDouble(i) || i > p.start && !unicode.IsSpace(rune(s[i-1])) && s[i-1] != '(' {
				i += n
				continue
			}
			end := -1
			for j := i + n; j < p.end; {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 == '‘' || r2 == '"' || r2 == '“' {
					break
				}
				if r2 == '’' {
					next, _ := utf8.DecodeRuneInString(s[j+n2:])
					prev, _ := utf8.DecodeLastRuneInString(s[:j])
					if j+n2 >= p.end || strings.ContainsRune(",.;:?!)", next) || unicode.IsSpace(next) && prev != 's' {
						end = j
						break
					}
				}
				j += n2
			}
			if end < 0 {
				i += n
				continue
			}
			q := &quote{span: span{i, end + len("’")}, inner: span{i + n, end}, para: pi}
			if strings.TrimSpace(s[q.inner.start:q.inner.end]) != "" {
				out = append(out, q)
			}
			i = q.end
		}
	}
	return out
}

// mask blanks the inside of every quotation, keeping a final . ? ! or ,
// so that sentence boundaries after a quotation still show.
func mask(s string, quotes []*quote) string {
	b := []byte(s)
	for _, q := range quotes {
		end := q.inner.end
		if end > q.inner.start {
			if r, n := utf8.DecodeLastRuneInString(s[q.inner.start:end]); strings.ContainsRune(".?!,", r) {
				end -= n
			}
		}
		for i := q.inner.start; i < end; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}
