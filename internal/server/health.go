package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// healthz answers while the process runs, whatever Neo4j does.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only when Neo4j answers a query and the schema is in
// place, within two seconds; load balancers route away otherwise.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "neo4j": "unreachable"})
		return
	}
	if !s.prepared.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "starting", "neo4j": "up", "schema": "pending"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "neo4j": "up"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
