package graph

import (
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"newsgraph/graph/generated"
	"newsgraph/graph/model"
	"newsgraph/internal/kg"
)

// HandlerOptions are the limits and collaborators of the GraphQL handler.
type HandlerOptions struct {
	// ComplexityLimit is the highest cost a query may have; see Complexity.
	ComplexityLimit int
	Log             *slog.Logger
}

// NewHandler builds the GraphQL HTTP handler: POST and GET transports, a
// parsed-query cache, automatic persisted queries, the complexity limit, and
// the recover func and error presenter that keep internals out of responses.
func NewHandler(r *Resolver, opts HandlerOptions) *handler.Server {
	srv := handler.New(NewExecutableSchema(r))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.SetRecoverFunc(RecoverFunc(opts.Log))
	srv.SetErrorPresenter(ErrorPresenter(opts.Log))
	return srv
}

// NewExecutableSchema wires the resolvers and the cost model into gqlgen.
func NewExecutableSchema(r *Resolver) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Resolvers: r, Complexity: Complexity()})
}

// Complexity is the cost model: a connection costs `first` times the cost
// of one of its items, so nested connections multiply, as they do in Neo4j.
// Invalid `first` values are priced at the maximum page size; the resolver
// rejects them with a message about `first` before anything runs.
func Complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	c.Query.Entities = func(child int, _ *model.EntityFilter, first *int, _ *string) int {
		return pageCost(first) * child
	}
	return c
}

func pageCost(first *int) int {
	n, err := kg.PageSize(first)
	if err != nil {
		return kg.MaxPageSize
	}
	return n
}
