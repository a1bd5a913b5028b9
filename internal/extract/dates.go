package extract

import (
	"fmt"
	"strconv"
	"time"

	"newsgraph/internal/kg"
)

// published is the report's publication day, or the zero time.
func (x *extraction) published() time.Time {
	t, err := time.Parse("2006-01-02", string(x.in.PublishedAt))
	if err != nil {
		return time.Time{}
	}
	return t
}

// dateIn finds the day the sentence [a, b) gives outside quotations: an
// explicit date ("September 4, 2025", "Sept. 4", "4 September"), a
// weekday ("on Thursday", resolved to the latest such day on or before
// publication), "yesterday" or "today". "" when it gives none.
func (x *extraction) dateIn(a, b int) string {
	pub := x.published()
	for k := a; k < b; k++ {
		t := x.toks[k]
		if t.inQuote || !t.isWord() {
			continue
		}
		if m, ok := months[t.fold]; ok && t.capitalised() {
			// Month Day[, Year] or Day Month [Year]; "Jan." too.
			n := k + 1
			if n < b && x.toks[n].text == "." {
				n++
			}
			if n < b && isNumber(x.toks[n].text) {
				day, _ := strconv.Atoi(x.toks[n].text)
				year := 0
				if n+2 < b && x.toks[n+1].text == "," && isNumber(x.toks[n+2].text) && len(x.toks[n+2].text) == 4 {
					year, _ = strconv.Atoi(x.toks[n+2].text)
				}
				if d := x.fullDate(year, m, day, pub); d != "" {
					return d
				}
			}
			if k > a && isNumber(x.toks[k-1].text) {
				day, _ := strconv.Atoi(x.toks[k-1].text)
				year := 0
				if k+1 < b && isNumber(x.toks[k+1].text) && len(x.toks[k+1].text) == 4 {
					year, _ = strconv.Atoi(x.toks[k+1].text)
				}
				if d := x.fullDate(year, m, day, pub); d != "" {
					return d
				}
			}
			continue
		}
		if pub.IsZero() {
			continue
		}
		for wd, name := range weekdays {
			if t.fold != name {
				continue
			}
			// "last Thursday" is the week before; "on Thursday" and a bare
			// "Thursday" the latest one.
			back := (int(pub.Weekday()) - wd + 7) % 7
			if k > a && x.toks[k-1].is("last") && back == 0 {
				back = 7
			}
			return pub.AddDate(0, 0, -back).Format("2006-01-02")
		}
		switch {
		case t.is("yesterday"):
			return pub.AddDate(0, 0, -1).Format("2006-01-02")
		case t.is("today", "tonight"):
			return pub.Format("2006-01-02")
		}
	}
	return ""
}

// fullDate checks and formats a day; a missing year is the publication's,
// or the year before when that would put the day well after publication.
func (x *extraction) fullDate(year, month, day int, pub time.Time) string {
	if day < 1 || day > 31 {
		return ""
	}
	if year == 0 {
		if pub.IsZero() {
			return ""
		}
		year = pub.Year()
		if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).After(pub.AddDate(0, 0, 60)) {
			year--
		}
	}
	d := fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	if _, err := kg.ParseDate("date", d); err != nil {
		return ""
	}
	return d
}

// statementDates dates every statement: the day its sentence gives, else
// its event's day, else the day the same speaker's previous statement
// had, else the publication month for speech reported as recent ("said")
// and nothing for "has said" or where there is no publication date.
func (x *extraction) statementDates(ranges [][2]int) {
	pub := x.published()
	last := map[*entity]string{}
	for _, st := range x.statements {
		a, b := ranges[st.sentence][0], ranges[st.sentence][1]
		d := x.dateIn(a, b)
		switch {
		case d != "":
		case st.event != nil && len(st.event.date) == 10:
			d = st.event.date
		case st.speaker != nil && last[st.speaker] != "" && len(last[st.speaker]) == 10:
			d = last[st.speaker]
		case x.perfect(st) || pub.IsZero():
		default:
			d = pub.Format("2006-01")
		}
		st.date = d
		if st.speaker != nil && d != "" {
			last[st.speaker] = d
		}
	}
}

// perfect: the report uses the present perfect ("has said", "have
// indicated"), which places nothing in time.
func (x *extraction) perfect(st *statement) bool {
	c := st.cue
	if c == nil {
		return false
	}
	if x.toks[c.verb0].is("has", "have") {
		return true
	}
	for k := c.verb0 - 1; k >= 0 && k >= c.verb0-3; k-- {
		if x.toks[k].is("has", "have") {
			return true
		}
		if !auxiliaries[x.toks[k].fold] {
			break
		}
	}
	return false
}
