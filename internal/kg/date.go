package kg

import (
	"fmt"
	"regexp"
	"time"
)

// Date is an ISO-8601 date that may be partial: "2022", "2025-08" or
// "2025-09-04", as precise as the source is. The zero Date means unknown.
type Date string

var datePattern = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// ParseDate checks s and returns it as a Date. The field names the input in
// the error message.
func ParseDate(field, s string) (Date, error) {
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return "", InvalidInput(field, "%q is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); err != nil {
		return "", InvalidInput(field, "%q is not a real date", s)
	}
	return Date(s), nil
}

// Start is the first day the date covers: "2025-08" starts on "2025-08-01".
func (d Date) Start() string {
	switch len(d) {
	case 4:
		return string(d) + "-01-01"
	case 7:
		return string(d) + "-01"
	}
	return string(d)
}

// End is the last day the date covers: "2025-02" ends on "2025-02-28".
func (d Date) End() string {
	switch len(d) {
	case 4:
		return string(d) + "-12-31"
	case 7:
		t, err := time.Parse("2006-01", string(d))
		if err != nil {
			return string(d)
		}
		return t.AddDate(0, 1, -1).Format("2006-01-02")
	}
	return string(d)
}

// Before reports whether d ends before e starts, so "2025-08" is before
// "2025-09-04" but "2025-09" is not before "2025-09-04".
func (d Date) Before(e Date) bool {
	return d.End() < e.Start()
}

func (d Date) String() string { return string(d) }

// GoString helps test failures read well.
func (d Date) GoString() string { return fmt.Sprintf("kg.Date(%q)", string(d)) }
