// Package kg holds newsgraph's domain: the types of the knowledge graph
// (entities, statements, events and sources, and the pages that list them), the rules for ids and cursors, and
// the sentinel errors every layer shares. It uses the standard library only,
// so the store, the ingester and the GraphQL layer can all depend on it.
package kg
