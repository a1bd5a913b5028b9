// Package explorer serves the explorer: newsgraph's web page for
// journalists, a single-page app written in TypeScript (src/), built with
// Vite into dist/ and embedded here, so the binary needs no Node and the
// page loads nothing from elsewhere. `make web` rebuilds dist/; CI checks
// that the committed build is current.
package explorer

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the page at / and its hashed assets under /assets/.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	files := http.FileServerFS(sub)
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic("explorer: dist/index.html is missing: run make web")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			// Vite puts a content hash in every asset's name.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(index)
	})
}
