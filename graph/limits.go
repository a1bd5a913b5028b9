package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/internal/errcode"
)

// OperationLimits refuses operations nested deeper than MaxDepth or with
// more than MaxAliases aliased fields, before anything runs. Introspection
// fields (__schema, __type) are not counted, so tools such as the playground
// can always read the schema.
type OperationLimits struct {
	MaxDepth   int
	MaxAliases int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = OperationLimits{}

// ExtensionName names the extension for gqlgen.
func (OperationLimits) ExtensionName() string { return "OperationLimits" }

// Validate accepts any schema.
func (OperationLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation and refuses it when over a limit.
func (l OperationLimits) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	m := measure{fragments: opCtx.Doc.Fragments, seen: map[string]bool{}}
	depth := m.depth(opCtx.Operation.SelectionSet, 0)
	if depth > l.MaxDepth {
		err := gqlerror.Errorf("operation is nested %d fields deep, which exceeds the limit of %d", depth, l.MaxDepth)
		err.Extensions = map[string]any{"code": string(errcode.ComplexityLimitExceeded), "limit": "depth"}
		return err
	}
	if m.aliases > l.MaxAliases {
		err := gqlerror.Errorf("operation has %d aliased fields, which exceeds the limit of %d", m.aliases, l.MaxAliases)
		err.Extensions = map[string]any{"code": string(errcode.ComplexityLimitExceeded), "limit": "aliases"}
		return err
	}
	return nil
}

type measure struct {
	fragments ast.FragmentDefinitionList
	seen      map[string]bool
	aliases   int
}

// depth is the deepest field nesting under set. Fragments count where they
// are spread; a fragment spread inside itself is counted once (validation
// refuses such cycles anyway).
func (m *measure) depth(set ast.SelectionSet, at int) int {
	deepest := at
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.Name) >= 2 && s.Name[:2] == "__" {
				continue
			}
			if s.Alias != "" && s.Alias != s.Name {
				m.aliases++
			}
			deepest = max(deepest, m.depth(s.SelectionSet, at+1))
		case *ast.InlineFragment:
			deepest = max(deepest, m.depth(s.SelectionSet, at))
		case *ast.FragmentSpread:
			if m.seen[s.Name] {
				continue
			}
			if f := m.fragments.ForName(s.Name); f != nil {
				m.seen[s.Name] = true
				deepest = max(deepest, m.depth(f.SelectionSet, at))
				delete(m.seen, s.Name)
			}
		}
	}
	return deepest
}
