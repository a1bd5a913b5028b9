package main

import "newsgraph/web/playground"

// examples open as tabs in the playground: the journalist's questions. The
// end-to-end tests run each one and compare the answer with a golden file
// (testdata/examples/), so they stay true to the seed.
var examples = []playground.Example{
	{
		Title: "Everything Rutte said about Putin, with the sentence it came from",
		Query: `query RutteOnPutin {
  statements(filter: {speaker: "person:mark-rutte", about: "person:vladimir-putin"}) {
    totalCount
    nodes {
      kind
      text
      date
      event { name }
      evidence { excerpt start end source { title publisher publishedAt } }
    }
  }
}`,
	},
	{
		Title: "Who spoke at the summit: who took part, and what was said about it",
		Query: `query WhoSpokeAtTheSummit {
  node(id: "event:2025-09-04-coalition-of-the-willing-summit") {
    ... on Event {
      name
      date
      location
      participants { entity { name } role evidence { excerpt } }
    }
  }
  statements(filter: {about: "event:2025-09-04-coalition-of-the-willing-summit"}) {
    nodes { speaker { name } kind text event { name } }
  }
}`,
	},
	{
		Title: "All paraphrased positions of nations",
		Query: `query PositionsOfNations {
  statements(filter: {kind: PARAPHRASE, speakerKinds: [NATION]}) {
    totalCount
    nodes {
      speaker { name }
      attribution
      text
      about { ... on Entity { name } ... on Event { name } }
      evidence { excerpt }
    }
  }
}`,
	},
	{
		Title: "The roles of every person",
		Query: `query RolesOfEveryPerson {
  entities(filter: {kinds: [PERSON]}, first: 50) {
    nodes {
      name
      ... on Person {
        roles { title of { name } evidence { excerpt } }
      }
    }
  }
}`,
	},
	{
		Title: "Statements on a topic: sanctions",
		Query: `query SanctionsStatements {
  node(id: "topic:sanctions") {
    ... on Topic {
      name
      statements {
        totalCount
        nodes { date speaker { name } kind text evidence { excerpt } }
      }
    }
  }
}`,
	},
	{
		Title: "Search everything for a name or words: entities, events and statements",
		Query: `query Search {
  search(query: "zelenskiy", first: 5) {
    score
    snippet
    node {
      __typename
      id
      ... on Entity { name }
      ... on Event { name }
      ... on Statement { text speaker { name } }
    }
  }
}`,
	},
	{
		Title: "How is Bulgaria's prime minister connected to NATO's Secretary General?",
		Query: `query Connection {
  paths(from: "person:rosen-zhelyazkov", to: "person:mark-rutte", first: 3) {
    length
    nodes { __typename id ... on Entity { name } ... on Statement { text } }
    links { type from { id } to { id } evidence { excerpt } }
  }
}`,
	},
	{
		Title: "Donald Trump's timeline: events and statements, oldest first",
		Query: `query Timeline {
  entity(id: "person:donald-trump") {
    name
    timeline {
      date
      relation
      node { __typename id ... on Event { name } ... on Statement { text } }
    }
  }
}`,
	},
	{
		Title: "Find an entity by any spelling of its name (case and accents ignored)",
		Query: `query FindByName {
  entities(filter: {name: "zelenskiy"}) {
    nodes { id name aliases description }
  }
}`,
	}, {
		Title: "Every piece of evidence in the Reuters report, with the fact it supports",
		Query: `query SourceEvidence {
  node(id: "source:reuters-2025-09-05-coalition-of-the-willing") {
    ... on Source {
      title
      evidence {
        kind
        start
        end
        excerpt
        fact {
          __typename
          ... on Statement { kind text speaker { name } }
          ... on Event { name }
          ... on Role { person { name } title of { name } }
          ... on Membership { member { name } organisation { name } role }
          ... on Participation { entity { name } event { name } role }
          ... on Entity { name }
        }
      }
    }
  }
}`,
	},
}
