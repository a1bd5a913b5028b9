package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestTransportsAndAPQ(t *testing.T) {
	s := newTestServer(t)
	const q = `{ entity(id: "nation:france") { name } }`

	res, err := http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Entity struct{ Name string } }
	decode(t, res).data(t, &got)
	if got.Entity.Name != "France" {
		t.Errorf("GET: %+v", got)
	}

	// Automatic persisted queries: the hash alone is unknown at first, then
	// hash plus query registers it, then the hash alone works.
	const hash = "3b5a6a2e0e1ca5a0a6bd1f2a5b2f8a0f33e93b8b0a4f7e8d2c2ab1c9f5b8d1e7"
	ext := func(h string) string {
		return url.QueryEscape(fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":%q}}`, h))
	}
	sum := sha256Hex(q)
	res, _ = http.Get(s.URL + "/graphql?extensions=" + ext(sum))
	if e := decode(t, res).onlyError(t); !strings.Contains(e.Message, "PersistedQueryNotFound") {
		t.Errorf("unknown hash: %+v", e)
	}
	res, _ = http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q) + "&extensions=" + ext(sum))
	decode(t, res).data(t, &got)
	res, _ = http.Get(s.URL + "/graphql?extensions=" + ext(sum))
	decode(t, res).data(t, &got)
	if got.Entity.Name != "France" {
		t.Errorf("APQ by hash: %+v", got)
	}
	res, _ = http.Get(s.URL + "/graphql?query=" + url.QueryEscape(q) + "&extensions=" + ext(hash))
	if e := decode(t, res).onlyError(t); e.Extensions["code"] != "BAD_USER_INPUT" {
		t.Errorf("mismatched hash: %+v", e)
	}
}
