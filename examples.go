package main

import "newsgraph/web/playground"

// examples open as tabs in the playground.
var examples = []playground.Example{
	{
		Title: "People, nations and organisations, by name",
		Query: `query Entities($first: Int = 10, $after: String) {
  entities(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id kind name aliases description }
  }
}`,
	},
	{
		Title: "Find an entity by any spelling of its name (case and accents ignored)",
		Query: `query FindByName {
  entities(filter: {name: "zelensky", kinds: [PERSON]}) {
    nodes { id name aliases }
  }
}`,
	},
	{
		Title: "Fetch any object by its id",
		Query: `query ByID {
  node(id: "nation:ukraine") {
    id
    ... on Entity { name kind aliases }
  }
}`,
	},
}
