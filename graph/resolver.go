// Package graph is newsgraph's GraphQL layer: thin resolvers over the store,
// the mapping from domain types to GraphQL models, the error presenter and
// the gqlgen handler with its limits. The schema lives in schema/*.graphqls;
// graph/generated is gqlgen's output and is never edited by hand.
package graph

import (
	"log/slog"

	"newsgraph/graph/generated"
	"newsgraph/internal/feed"
	"newsgraph/internal/store"
)

// Resolver holds what every resolver needs. One Resolver serves all requests.
type Resolver struct {
	Store *store.Store
	Log   *slog.Logger
	// APIToken is what mutations require as a bearer token; empty disables them.
	APIToken string
	// Feed serves the subscriptions.
	Feed *feed.Follower

	// drafts caches the catalogue draftSource recognises names by.
	drafts drafts
}

// Compile-time checks that the resolvers still match the schema.
var (
	_ generated.ResolverRoot         = (*Resolver)(nil)
	_ generated.QueryResolver        = (*queryResolver)(nil)
	_ generated.PersonResolver       = (*personResolver)(nil)
	_ generated.NationResolver       = (*nationResolver)(nil)
	_ generated.OrganisationResolver = (*organisationResolver)(nil)
	_ generated.EventResolver        = (*eventResolver)(nil)
	_ generated.TopicResolver        = (*topicResolver)(nil)
	_ generated.SourceResolver       = (*sourceResolver)(nil)
	_ generated.CountResolver        = (*countResolver)(nil)
	_ generated.NetworkEdgeResolver  = (*networkEdgeResolver)(nil)
	_ generated.MutationResolver     = (*mutationResolver)(nil)
	_ generated.SubscriptionResolver = (*subscriptionResolver)(nil)
	_ generated.SourceChangeResolver = (*sourceChangeResolver)(nil)

	_ generated.EntityInputResolver      = (*entityInputResolver)(nil)
	_ generated.EventInputResolver       = (*eventInputResolver)(nil)
	_ generated.MembershipInputResolver  = (*membershipInputResolver)(nil)
	_ generated.ParticipantInputResolver = (*participantInputResolver)(nil)
	_ generated.RoleInputResolver        = (*roleInputResolver)(nil)
)
