package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [start, end) of the report's text.
type span struct{ start, end int }

func (s span) len() int               { return s.end - s.start }
func (s span) contains(o span) bool   { return s.start <= o.start && o.end <= s.end }
func (s span) overlaps(o span) bool   { return s.start < o.end && o.start < s.end }
func (s span) in(t *text) string      { return t.s[s.start:s.end] }
func (s span) union(o span) span      { return span{min(s.start, o.start), max(s.end, o.end)} }
func (s span) empty() bool            { return s.end <= s.start }
func (s span) shift(off int) span     { return span{s.start + off, s.end + off} }
func (s span) within(lo, hi int) bool { return lo <= s.start && s.end <= hi }

// text is the report, cut into paragraphs and sentences. Offsets are bytes
// into s; codePoint turns them into the code-point offsets evidence uses.
type text struct {
	s string
	// cp[i] is the number of code points before byte i, for every byte
	// offset that starts a code point (and len(s)).
	cp    []int32
	paras []span
	// sents are the sentences of all paragraphs in order. A quotation
	// that runs over several sentences keeps them in one unit: sentence
	// boundaries inside quotation marks do not count.
	sents []sentence
	// quotes are the double-quoted passages, in order.
	quotes []*quote
	// dateline is the "HELSINKI, Jan 15 (Reuters) -" that opens a wire
	// report, if any: a place and an agency, not part of any sentence's
	// grammar.
	dateline span
	// noProse caches proseless per paragraph.
	noProse []bool
	// masked is s with every quoted passage's inside replaced by spaces,
	// byte for byte, so that patterns looking for attributions never
	// read the quoted words.
	masked string
}

type sentence struct {
	span
	para int
	// quotes indexes t.quotes that start in this sentence.
	quotes []int
}

func newText(s string) *text {
	t := &text{s: s, cp: make([]int32, len(s)+1)}
	n := int32(0)
	for i := range s {
		t.cp[i] = n
		n++
	}
	t.cp[len(s)] = n
	t.paras = paragraphs(s)
	t.dateline = findDateline(s, t.paras)
	t.quotes = findQuotes(s, t.paras)
	t.masked = mask(s, t.quotes)
	for pi, p := range t.paras {
		for _, sp := range sentences(t.masked, p) {
			st := sentence{span: sp, para: pi}
			for qi, q := range t.quotes {
				if q.start >= sp.start && q.start < sp.end {
					st.quotes = append(st.quotes, qi)
				}
			}
			t.sents = append(t.sents, st)
		}
	}
	return t
}

// codePoint is the code-point offset of byte offset i.
func (t *text) codePoint(i int) int { return int(t.cp[i]) }

// paragraphs splits at line breaks. A line that does not end a sentence
// and is followed by one that starts in lower case is a hard wrap, not a
// new paragraph.
func paragraphs(s string) []span {
	var out []span
	start := 0
	flush := func(end int) {
		sp := trimSpan(s, span{start, end})
		if !sp.empty() {
			out = append(out, sp)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' {
			continue
		}
		line := strings.TrimRight(s[start:i], " \t\r")
		next := strings.TrimLeft(s[i+1:], " \t\r")
		if line != "" && next != "" && next[0] != '\n' && !endsSentence(line) && startsLower(next) {
			continue // a wrapped line
		}
		flush(i)
		start = i + 1
	}
	flush(len(s))
	return out
}

func trimSpan(s string, sp span) span {
	for sp.start < sp.end {
		r, n := utf8.DecodeRuneInString(s[sp.start:sp.end])
		if !unicode.IsSpace(r) {
			break
		}
		sp.start += n
	}
	for sp.end > sp.start {
		r, n := utf8.DecodeLastRuneInString(s[sp.start:sp.end])
		if !unicode.IsSpace(r) {
			break
		}
		sp.end -= n
	}
	return sp
}

func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".?!:\"”’'", r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "maj": true, "adm": true, "cmdr": true,
	"cpl": true, "pvt": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true, "pres": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true, "vs": true, "v": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "mt": true, "ft": true, "approx": true,
	"est": true, "dept": true, "univ": true, "assn": true, "gov't": true, "e.g": true, "i.e": true,
	"cf": true, "al": true, "fig": true, "op": true, "pp": true, "ave": true, "blvd": true, "rd": true,
}

// sentenceStarters are words that, after an abbreviation such as "U.S.",
// show that a new sentence has begun after all.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "But": true, "And": true, "In": true, "On": true, "At": true, "This": true, "That": true,
	"There": true, "His": true, "Her": true, "Its": true, "Their": true, "Our": true, "As": true,
	"After": true, "Before": true, "While": true, "When": true, "If": true, "Meanwhile": true,
	"However": true, "Asked": true, "Later": true, "Earlier": true, "Separately": true, "Officials": true,
}

// sentences cuts a paragraph of masked text (quotations blanked, so that
// their inner full stops do not count) into sentences.
func sentences(masked string, p span) []span {
	var out []span
	start := p.start
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(masked[i:])
		if r != '.' && r != '?' && r != '!' {
			i += n
			continue
		}
		end := i + n
		// Closing quotation marks and brackets stay with the sentence.
		for end < p.end {
			r2, n2 := utf8.DecodeRuneInString(masked[end:])
			if !strings.ContainsRune("\"”’')]", r2) && r2 != '.' && r2 != '?' && r2 != '!' {
				break
			}
			end += n2
		}
		j := end
		for j < p.end && (masked[j] == ' ' || masked[j] == '\t') {
			j++
		}
		if j == end || j >= p.end {
			i = end
			continue
		}
		if r == '.' && !boundaryAfterPeriod(masked, p.start, i, j) {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(masked[j:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'(", next)) {
			i = end
			continue
		}
		out = append(out, trimSpan(masked, span{start, end}))
		start = j
		i = j
	}
	if sp := trimSpan(masked, span{start, p.end}); !sp.empty() {
		out = append(out, sp)
	}
	return out
}

// boundaryAfterPeriod decides whether the full stop at dot, followed by
// the word at next, ends a sentence: not after an abbreviation, an
// initial or a dotted acronym, unless the next word plainly starts one.
func boundaryAfterPeriod(s string, lo, dot, next int) bool {
	w := dot
	for w > lo {
		r, n := utf8.DecodeLastRuneInString(s[lo:w])
		if unicode.IsSpace(r) || strings.ContainsRune("(\"“‘", r) {
			break
		}
		w -= n
	}
	word := s[w:dot]
	nextWord := s[next:]
	if k := strings.IndexAny(nextWord, " ,;:\n"); k >= 0 {
		nextWord = nextWord[:k]
	}
	switch {
	case word == "":
		return true
	case abbreviations[strings.ToLower(word)]:
		// "Mr. Smith", "Jan. 5", "No. 2": never a boundary, except a
		// month or "Inc." that closes a sentence before a starter.
		lw := strings.ToLower(word)
		if (lw == "inc" || lw == "corp" || lw == "co" || lw == "ltd" || lw == "jr" || lw == "sr") && sentenceStarters[nextWord] {
			return true
		}
		return false
	case isInitial(word):
		return false
	case isDottedAcronym(word):
		// "U.S. President" continues; "the U.S. The talks" ends.
		return sentenceStarters[nextWord]
	}
	return true
}

// isInitial is a single capital letter: "J" in "J. Smith".
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// isDottedAcronym is "U.S", "U.N", "J.D" (the final stop excluded).
func isDottedAcronym(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isInitial(p) {
			return false
		}
	}
	return true
}

// captionMarks and creditOpenings mark paragraphs that are not the
// report's prose: photo captions, and the reporting and editing credits.
var (
	captionMarks   = []string{"REUTERS/", "(AP Photo", "AP Photo/", "Photo: ", "FILE PHOTO", "Pool via REUTERS", "Handout via"}
	creditOpenings = []string{"reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ", "our standards:", "associated press writer"}
)

// proseless reports whether paragraph pi is not prose to draft
// statements from: a headline or byline before the dateline, a photo
// caption, or a credit line.
func (t *text) proseless(pi int) bool {
	if t.noProse == nil {
		t.noProse = make([]bool, len(t.paras))
		for i := range t.paras {
			t.noProse[i] = t.isProseless(i)
		}
	}
	return t.noProse[pi]
}

func (t *text) isProseless(pi int) bool {
	p := t.paras[pi]
	if !t.dateline.empty() && p.end <= t.dateline.start {
		return true
	}
	body := t.s[p.start:p.end]
	for _, m := range captionMarks {
		if strings.Contains(body, m) {
			return true
		}
	}
	head := strings.ToLower(strings.TrimLeft(body[:min(len(body), 40)], "("))
	for _, o := range creditOpenings {
		if strings.HasPrefix(head, o) {
			return true
		}
	}
	return false
}

// datelinePattern matches a wire dateline: a place in capitals, an
// optional date, the agency in brackets and a dash.
var datelinePattern = regexp.MustCompile(`^[A-Z][A-Z .'’/-]{1,40}(?:, [A-Z][A-Za-z.]{0,4}\.? ?[A-Za-z]*\.? ?\d{0,2}(?:, \d{4})?)?,? ?\([A-Za-z][A-Za-z .]{0,30}\) ?(?:-|–|—|--) ?`)

// findDateline looks for a dateline at the start of the first paragraphs.
func findDateline(s string, paras []span) span {
	for i, p := range paras {
		if i > 3 {
			break
		}
		if loc := datelinePattern.FindStringIndex(s[p.start:p.end]); loc != nil {
			return span{p.start, p.start + loc[1]}
		}
	}
	return span{}
}
