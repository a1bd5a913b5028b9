package ingest

import (
	"fmt"
	"strings"

	"newsgraph/internal/kg"
)

// Problem is one thing wrong with a document, at a path such as
// "statements[3].evidence.quote".
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// InvalidError lists every problem found in a document. It wraps
// kg.ErrInvalidInput.
type InvalidError struct {
	Problems []Problem
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "invalid document: %d problem", len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteByte('s')
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

func (e *InvalidError) Unwrap() error { return kg.ErrInvalidInput }

func invalid(ps ...Problem) error { return &InvalidError{Problems: ps} }

// problems collects problems during validation.
type problems []Problem

func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// addErr records a kg.Error (from ParseID, ParseDate…) at path.
func (ps *problems) addErr(path string, err error) {
	msg := err.Error()
	if kerr, ok := err.(*kg.Error); ok {
		msg = kerr.Message
	}
	ps.add(path, "%s", msg)
}
