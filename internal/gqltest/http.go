package gqltest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// Post sends one GraphQL request to base's /graphql, with token as the
// bearer token when it is not empty, and fails the test on any error in
// the answer. It returns the answer's body.
func Post(t testing.TB, base, token, query string, vars map[string]any) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || bytes.Contains(b, []byte(`"errors"`)) {
		t.Fatalf("%s: %d %s", query, res.StatusCode, b)
	}
	return b
}
