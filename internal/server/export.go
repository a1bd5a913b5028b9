package server

import (
	"encoding/csv"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"newsgraph/internal/errcode"
	"newsgraph/internal/kg"
	"newsgraph/internal/store"
)

// exportColumns are the export's columns, in order; JSON Lines uses the
// same names as keys.
var exportColumns = []string{
	"id", "date", "kind", "speaker", "attribution", "about", "event", "topics", "text",
	"source_title", "source_url", "evidence_start", "evidence_end", "excerpt",
}

// exportParams are the query parameters the export takes: StatementFilter's fields.
var exportParams = []string{"speaker", "about", "event", "topic", "kind", "from", "to", "text", "speakerKinds", "speakers", "aboutAny"}

// exportFilter reads a StatementFilter from query parameters, refusing
// unknown or repeated parameters and bad values with a message naming them.
// extra are the endpoint's own parameters besides the filter's (first, by),
// which the caller reads; they are checked for repeats here too.
func exportFilter(q url.Values, extra ...string) (kg.StatementFilter, error) {
	var f kg.StatementFilter
	params := append(slices.Clip(exportParams), extra...)
	for k, vs := range q {
		if !slices.Contains(params, k) {
			return f, kg.InvalidInput(k, "is not a parameter of this export; use %s", strings.Join(params, ", "))
		}
		if len(vs) > 1 {
			return f, kg.InvalidInput(k, "is given %d times; give it once", len(vs))
		}
	}
	f.SpeakerID, f.AboutID, f.EventID, f.TopicID, f.Text = q.Get("speaker"), q.Get("about"), q.Get("event"), q.Get("topic"), q.Get("text")
	if k := q.Get("kind"); k != "" {
		f.Kind = kg.StatementKind(strings.ToUpper(k))
	}
	for _, d := range []struct {
		name string
		to   *kg.Date
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := q.Get(d.name); v != "" {
			date, err := kg.ParseDate(d.name, v)
			if err != nil {
				return f, err
			}
			*d.to = date
		}
	}
	if v := q.Get("speakerKinds"); v != "" {
		for _, k := range strings.Split(v, ",") {
			kind := kg.EntityKind(strings.ToUpper(strings.TrimSpace(k)))
			if !kind.Valid() {
				return f, kg.InvalidInput("speakerKinds", "%q is not PERSON, NATION or ORGANISATION", k)
			}
			f.SpeakerKinds = append(f.SpeakerKinds, kind)
		}
	}
	// The lists are comma-separated ids; an empty one is refused by the
	// store, as in GraphQL.
	for _, l := range []struct {
		name string
		to   *[]string
	}{{"speakers", &f.SpeakerIDs}, {"aboutAny", &f.AboutIDs}} {
		if q.Has(l.name) {
			*l.to = []string{}
			for _, id := range strings.Split(q.Get(l.name), ",") {
				if id = strings.TrimSpace(id); id != "" {
					*l.to = append(*l.to, id)
				}
			}
		}
	}
	return f, store.CheckStatementFilter(f)
}

// exportRow flattens a statement into the export's columns.
func exportRow(st kg.Statement) []string {
	var about, topics []string
	for _, a := range st.About {
		switch {
		case a.Entity != nil:
			about = append(about, a.Entity.Name)
		case a.Event != nil:
			about = append(about, a.Event.Name)
		}
	}
	for _, t := range st.Topics {
		topics = append(topics, t.Name)
	}
	var speaker, event, title, u string
	if st.Speaker != nil {
		speaker = st.Speaker.Name
	}
	if st.Event != nil {
		event = st.Event.Name
	}
	if st.Evidence.Source != nil {
		title, u = st.Evidence.Source.Title, st.Evidence.Source.URL
	}
	return []string{
		st.ID, string(st.Date), string(st.Kind), speaker, st.Attribution, strings.Join(about, "; "), event,
		strings.Join(topics, "; "), st.Text, title, u, strconv.Itoa(st.Evidence.Start), strconv.Itoa(st.Evidence.End), st.Evidence.Excerpt,
	}
}

// rowWriter writes one export format.
type rowWriter interface {
	header() error
	row([]string) error
	flush() error
}

type csvRows struct{ w *csv.Writer }

func (c csvRows) header() error        { return c.w.Write(exportColumns) }
func (c csvRows) row(r []string) error { return c.w.Write(r) }
func (c csvRows) flush() error         { c.w.Flush(); return c.w.Error() }

type jsonlRows struct {
	enc *json.Encoder
	w   http.ResponseWriter
}

func (j jsonlRows) header() error { return nil }
func (j jsonlRows) row(r []string) error {
	obj := make(map[string]any, len(r))
	for i, col := range exportColumns {
		switch col {
		case "evidence_start", "evidence_end":
			n, _ := strconv.Atoi(r[i])
			obj[col] = n
		case "about", "topics":
			list := []string{}
			if r[i] != "" {
				list = strings.Split(r[i], "; ")
			}
			obj[col] = list
		default:
			obj[col] = r[i]
		}
	}
	return j.enc.Encode(obj)
}
func (j jsonlRows) flush() error {
	if f, ok := j.w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}

// exportFormat is one of the export's file formats.
type exportFormat int

const (
	csvFormat exportFormat = iota
	jsonlFormat
)

// exportStatements streams the statements a filter selects as CSV or JSON
// Lines, row by row as Neo4j returns them.
func (s *Server) exportStatements(format exportFormat) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f, err := exportFilter(r.URL.Query())
		if err != nil {
			writeError(w, err)
			return
		}
		var out rowWriter
		started := false
		start := func() error {
			started = true
			if format == csvFormat {
				w.Header().Set("Content-Type", "text/csv; charset=utf-8")
				w.Header().Set("Content-Disposition", `attachment; filename="statements.csv"`)
				out = csvRows{csv.NewWriter(w)}
			} else {
				w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
				w.Header().Set("Content-Disposition", `attachment; filename="statements.jsonl"`)
				out = jsonlRows{json.NewEncoder(w), w}
			}
			w.WriteHeader(http.StatusOK)
			return out.header()
		}
		n := 0
		err = s.store.StreamStatements(r.Context(), f, func(st kg.Statement) error {
			if !started {
				if err := start(); err != nil {
					return err
				}
			}
			n++
			if err := out.row(exportRow(st)); err != nil {
				return err
			}
			if n%100 == 0 {
				return out.flush()
			}
			return nil
		})
		switch {
		case err == nil && !started:
			if err := start(); err == nil {
				out.flush()
			}
		case err == nil:
			out.flush()
		case !started:
			s.exportFailed(w, err)
		default:
			// Rows are already out; the truncated body is all that can
			// show it, so log why.
			s.log.Error("export stopped midway", slog.Int("rows", n), slog.String("error", err.Error()))
		}
	}
}

// exportFailed answers an export that failed before any of its body was
// written: with the error's public message and status, logging the errors
// that are not newsgraph's own (a driver error, a bug), whose text the
// caller never sees.
func (s *Server) exportFailed(w http.ResponseWriter, err error) {
	if _, ours := errcode.Of(err); !ours {
		s.log.Error("export failed", slog.String("error", err.Error()))
	}
	writeError(w, err)
}

// writeError answers a non-GraphQL request with err's public message and
// code, and the status the code calls for.
func writeError(w http.ResponseWriter, err error) {
	p, _ := errcode.Of(err)
	writeJSON(w, p.Code.HTTPStatus(), map[string]string{"error": p.Message, "code": string(p.Code)})
}
