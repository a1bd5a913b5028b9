// Package playground serves GraphiQL with newsgraph's example queries. Its
// scripts and styles are embedded in the binary (see vendor.sh), so the
// playground works offline and loads nothing from a CDN. The examples are
// the files in examples/, one operation each, whose first line is a
// "# Title" comment: a person can open one and run it anywhere.
package playground

import (
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed assets
var assets embed.FS

//go:embed examples/*.graphql
var exampleFiles embed.FS

//go:embed index.html
var indexHTML string

var page = template.Must(template.New("playground").Parse(indexHTML))

// Example is a saved query that opens as a tab in the playground.
type Example struct {
	// Name is the file's name without .graphql, e.g. "01-rutte-on-putin".
	Name string
	// Title is the first line's comment, without "# ".
	Title string
	// Query is the rest of the file.
	Query string
}

// Examples returns the example queries in file-name order.
func Examples() []Example {
	names, _ := fs.Glob(exampleFiles, "examples/*.graphql")
	out := make([]Example, 0, len(names))
	for _, name := range names {
		b, _ := exampleFiles.ReadFile(name)
		title, query, _ := strings.Cut(string(b), "\n")
		out = append(out, Example{
			Name:  strings.TrimSuffix(path.Base(name), ".graphql"),
			Title: strings.TrimSpace(strings.TrimPrefix(title, "#")),
			Query: strings.TrimSpace(query),
		})
	}
	return out
}

// Handler serves the playground page at prefix, with the examples as its
// tabs, and its assets below it. The page sends queries to endpoint.
func Handler(prefix, endpoint string) http.Handler {
	examples := Examples()
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	files := http.StripPrefix(prefix+"/assets/", http.FileServerFS(sub))
	tabs := make([]map[string]string, 0, len(examples))
	for _, e := range examples {
		q := strings.TrimSpace(e.Query)
		if e.Title != "" {
			q = "# " + e.Title + "\n" + q
		}
		tabs = append(tabs, map[string]string{"query": q + "\n", "variables": ""})
	}
	tabsJSON, _ := json.Marshal(tabs)
	data := struct {
		Prefix, Endpoint string
		Tabs             template.JS
	}{prefix, endpoint, template.JS(tabsJSON)}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, prefix+"/assets/") {
			// Asset names change with their versions (vendor.sh), so a day's
			// caching is safe and saves reloading 4 MB of scripts.
			w.Header().Set("Cache-Control", "public, max-age=86400")
			files.ServeHTTP(w, r)
			return
		}
		if r.URL.Path != prefix && r.URL.Path != prefix+"/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		// The page may load only what this server serves.
		w.Header().Set("Content-Security-Policy",
			"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'")
		if err := page.Execute(w, data); err != nil {
			http.Error(w, "playground template failed", http.StatusInternalServerError)
		}
	})
}
