package server

import "testing"

// The graph walks in every direction: each type's fields on one example.
func TestTraversals(t *testing.T) {
	s := newTestServer(t)
	var got struct {
		Rutte struct {
			Roles []struct {
				Title    string
				Of       struct{ Name string }
				Evidence []struct{ Excerpt string }
			}
			Statements struct{ TotalCount int }
			Mentions   struct{ TotalCount int }
			Events     struct{ Nodes []struct{ ID string } }
			Sources    []struct{ ID string }
		}
		Nato struct {
			Leaders  []struct{ Person struct{ Name string } }
			Mentions struct{ TotalCount int }
		}
		Coalition struct {
			Members []struct {
				Member struct{ Name string }
				Role   string
			}
		}
		France struct {
			Memberships []struct{ Organisation struct{ Name string } }
			Leaders     []struct{ Person struct{ Name string } }
		}
		Call struct {
			Name, Kind, Date string
			Participants     []struct {
				Entity struct{ Name string }
				Role   string
				Event  struct{ ID string }
			}
			Evidence   []struct{ Excerpt string }
			Statements struct{ TotalCount int }
		}
		Quote struct {
			Nodes []struct {
				Speaker     struct{ Name string }
				Attribution string
				Event       struct{ Name string }
				Topics      []struct{ Name string }
				About       []struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
		Topics []struct{ ID string }
		Source struct {
			Title, Publisher, PublishedAt string
			Entities                      []struct{ ID string }
		}
	}
	s.post(t, `{
  rutte: entity(id: "person:mark-rutte") { ... on Person { roles { title of { name } evidence { excerpt } } }
    statements { totalCount } mentions { totalCount } events { nodes { id } } sources { id } }
  nato: entity(id: "organisation:nato") { mentions { totalCount } ... on Organisation { leaders { person { name } } } }
  coalition: entity(id: "organisation:coalition-of-the-willing") { ... on Organisation { members { member { name } role } } }
  france: entity(id: "nation:france") { ... on Nation { memberships { organisation { name } } leaders { person { name } } } }
  call: node(id: "event:2025-09-04-call-with-donald-trump") { ... on Event { name kind date participants { entity { name } role event { id } }
    evidence { excerpt } statements { totalCount } } }
  quote: statements(filter: {speaker: "organisation:white-house"}) { nodes { speaker { name } attribution event { name } topics { name } about { __typename id } } }
  topics { id }
  source: node(id: "source:reuters-2025-09-05-coalition-of-the-willing") { ... on Source { title publisher publishedAt entities { id } } }
}`, nil).data(t, &got)

	if len(got.Rutte.Roles) != 1 || got.Rutte.Roles[0].Title != "Secretary General" || got.Rutte.Roles[0].Of.Name != "NATO" ||
		got.Rutte.Roles[0].Evidence[0].Excerpt != "NATO Secretary General Mark Rutte" {
		t.Errorf("Rutte's roles: %+v", got.Rutte.Roles)
	}
	if got.Rutte.Statements.TotalCount != 4 || got.Rutte.Mentions.TotalCount != 0 || len(got.Rutte.Events.Nodes) != 2 || len(got.Rutte.Sources) != 1 {
		t.Errorf("Rutte: %+v", got.Rutte)
	}
	if len(got.Nato.Leaders) != 1 || got.Nato.Leaders[0].Person.Name != "Mark Rutte" || got.Nato.Mentions.TotalCount != 2 {
		t.Errorf("NATO: %+v", got.Nato)
	}
	if len(got.Coalition.Members) != 2 || got.Coalition.Members[0].Member.Name != "Britain" || got.Coalition.Members[1].Role != "co-chair" {
		t.Errorf("coalition members: %+v", got.Coalition.Members)
	}
	if len(got.France.Memberships) != 1 || got.France.Memberships[0].Organisation.Name != "Coalition of the Willing" ||
		len(got.France.Leaders) != 1 || got.France.Leaders[0].Person.Name != "Emmanuel Macron" {
		t.Errorf("France: %+v", got.France)
	}
	c := got.Call
	// Trump's two statements were made on the call; the White House
	// official spoke about it afterwards.
	if c.Kind != "call" || c.Date != "2025-09-04" || len(c.Participants) != 5 || c.Participants[0].Role != "by phone" ||
		c.Participants[0].Entity.Name != "Coalition of the Willing" ||
		c.Participants[0].Event.ID != "event:2025-09-04-call-with-donald-trump" || len(c.Evidence) != 1 || c.Statements.TotalCount != 2 {
		t.Errorf("the call: %+v", c)
	}
	// The official's paraphrase of Trump, then the quote, in text order;
	// both about the call, neither made during it.
	if q := got.Quote.Nodes; len(q) != 2 || q[0].Speaker.Name != "White House" || q[1].Attribution != "a White House official" ||
		q[1].Event.Name != "" || len(q[1].Topics) != 1 || len(q[1].About) != 5 ||
		q[1].About[0].Typename != "Person" || q[1].About[0].ID != "person:donald-trump" ||
		q[1].About[4].Typename != "Event" || q[1].About[4].ID != "event:2025-09-04-call-with-donald-trump" {
		t.Errorf("the White House statements: %+v", q)
	}
	if len(got.Topics) != 11 || got.Topics[0].ID != "topic:ceasefire" {
		t.Errorf("topics: %+v", got.Topics)
	}
	if got.Source.Publisher != "Reuters" || got.Source.PublishedAt != "2025-09-05" || len(got.Source.Entities) != 26 {
		t.Errorf("source: %+v", got.Source)
	}
}
