package graph

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"newsgraph/internal/errcode"
)

// ComplexityLimit refuses an operation whose cost (Cost) is over Limit,
// before anything runs. It replaces gqlgen's extension.ComplexityLimit,
// whose calculation adds up every fragment of a selection: a union such as
// Fact, asked for with a fragment per member, cost the sum of its members,
// though each item is one member only. Here it costs its dearest member.
type ComplexityLimit struct {
	Limit int
	es    graphql.ExecutableSchema
	// costs remembers operations' costs (costKey): pricing walks the whole
	// selection and coerces every argument, a few per cent of a small
	// query's CPU, for an answer that is the same each time the operation
	// comes with the same page sizes.
	costs *lru.LRU[int]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &ComplexityLimit{}

// ExtensionName names the extension for gqlgen; it is gqlgen's own name,
// so extension.GetComplexityStats still finds the figures.
func (*ComplexityLimit) ExtensionName() string { return "ComplexityLimit" }

// Validate keeps the schema the costs are computed on.
func (c *ComplexityLimit) Validate(es graphql.ExecutableSchema) error {
	if es == nil {
		return errors.New("ComplexityLimit needs a schema")
	}
	c.es = es
	c.costs = lru.New[int](1000)
	return nil
}

// MutateOperationContext prices the operation and refuses it when over the limit.
func (c *ComplexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		op = opCtx.Doc.Operations.ForName(opCtx.OperationName)
	}
	if op == nil {
		return nil
	}
	// An operation context made without its text (a test's, say) is
	// priced afresh: it has nothing to be remembered by.
	var cost int
	if opCtx.RawQuery == "" {
		cost = Cost(ctx, c.es, op, opCtx.Variables)
	} else {
		key := costKey(opCtx.RawQuery, op, opCtx.Variables)
		var ok bool
		if cost, ok = c.costs.Get(ctx, key); !ok {
			cost = Cost(ctx, c.es, op, opCtx.Variables)
			c.costs.Add(ctx, key, cost)
		}
	}
	opCtx.Stats.SetExtension("ComplexityLimit", &extension.ComplexityStats{Complexity: cost, ComplexityLimit: c.Limit})
	if cost > c.Limit {
		err := gqlerror.Errorf("operation has complexity %d, which exceeds the limit of %d", cost, c.Limit)
		err.Extensions = map[string]any{"code": string(errcode.ComplexityLimitExceeded), "limit": "complexity"}
		return err
	}
	return nil
}

// costKey names an operation's cost: its document, its name and the
// values of its Int variables. The cost model (Complexity) reads no
// argument but Int ones (first), and the document holds the literal ones;
// a complexity function that priced another kind of argument would have to
// add its variables here.
func costKey(query string, op *ast.OperationDefinition, vars map[string]any) string {
	var b strings.Builder
	b.Grow(len(query) + len(op.Name) + 16)
	b.WriteString(op.Name)
	b.WriteByte(0)
	for _, v := range op.VariableDefinitions {
		if v.Type == nil || v.Type.NamedType != "Int" {
			continue
		}
		b.WriteString(v.Variable)
		b.WriteByte('=')
		switch x := vars[v.Variable].(type) {
		case nil:
			b.WriteString("null")
		case int64:
			b.WriteString(strconv.FormatInt(x, 10))
		case int:
			b.WriteString(strconv.Itoa(x))
		default:
			fmt.Fprintf(&b, "%T:%v", x, x)
		}
		b.WriteByte(0)
	}
	b.WriteString(query)
	return b.String()
}

// Cost is an operation's price under the schema's complexity functions
// (see Complexity). A field costs what its type's complexity function says
// given the cost of its selection (or 1 plus that cost without one), and a
// selection set costs the sum of its fields, as in gqlgen, except that a
// selection on a union or an interface costs the most any one of its
// possible types would: fragments on other types do not apply to an item
// of that type. Fields on an interface are priced with each implementing
// type's own function. Sums saturate instead of overflowing.
func Cost(ctx context.Context, es graphql.ExecutableSchema, op *ast.OperationDefinition, vars map[string]any) int {
	w := costWalker{ctx: ctx, es: es, schema: es.Schema(), vars: vars}
	var root *ast.Definition
	switch op.Operation {
	case ast.Mutation:
		root = w.schema.Mutation
	case ast.Subscription:
		root = w.schema.Subscription
	default:
		root = w.schema.Query
	}
	if root == nil {
		return 0
	}
	return w.set(op.SelectionSet, root)
}

type costWalker struct {
	ctx    context.Context
	es     graphql.ExecutableSchema
	schema *ast.Schema
	vars   map[string]any
	// children memoises the cost of a field's selection, which does not
	// depend on the type the field is priced for: without it, abstract
	// selections nested in abstract selections would be walked once per
	// combination of their possible types.
	children map[*ast.Field]int
}

// set is the cost of a selection set on a value of type on: on itself when
// it is an object type, else the dearest of its possible types.
func (w *costWalker) set(sel ast.SelectionSet, on *ast.Definition) int {
	if on == nil || !on.IsAbstractType() {
		return w.setAs(sel, on)
	}
	dearest := 0
	for _, t := range w.schema.GetPossibleTypes(on) {
		dearest = max(dearest, w.setAs(sel, t))
	}
	return dearest
}

// setAs is the cost of a selection set for a value of the object type t:
// its fields, and the fragments whose type condition t satisfies.
func (w *costWalker) setAs(sel ast.SelectionSet, t *ast.Definition) int {
	total := 0
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			total = safeAdd(total, w.field(s, t))
		case *ast.InlineFragment:
			if w.applies(s.TypeCondition, t) {
				total = safeAdd(total, w.setAs(s.SelectionSet, t))
			}
		case *ast.FragmentSpread:
			// Validation has resolved s.Definition and refused cycles.
			if s.Definition != nil && w.applies(s.Definition.TypeCondition, t) {
				total = safeAdd(total, w.setAs(s.Definition.SelectionSet, t))
			}
		}
	}
	return total
}

// field is the cost of one field of a value of type t.
func (w *costWalker) field(f *ast.Field, t *ast.Definition) int {
	if f.Definition == nil || f.Definition.Type == nil {
		return 1
	}
	typeName := f.Definition.Type.Name()
	if typeName == "__Schema" {
		return 0 // introspection is free, as in gqlgen
	}
	child := 0
	if ft := w.schema.Types[typeName]; ft != nil && len(f.SelectionSet) > 0 {
		switch ft.Kind {
		case ast.Object, ast.Interface, ast.Union:
			var ok bool
			if child, ok = w.children[f]; !ok {
				child = w.set(f.SelectionSet, ft)
				if w.children == nil {
					w.children = map[*ast.Field]int{}
				}
				w.children[f] = child
			}
		}
	}
	if t != nil && !strings.HasPrefix(t.Name, "__") {
		var args map[string]any
		if len(f.Definition.Arguments) > 0 {
			args = f.ArgumentMap(w.vars) // defaults included
		}
		if c, ok := w.es.Complexity(w.ctx, t.Name, f.Name, child, args); ok && c >= 1 {
			return c
		}
	}
	return safeAdd(1, child)
}

// applies says whether a fragment on cond applies to a value of type t.
func (w *costWalker) applies(cond string, t *ast.Definition) bool {
	if cond == "" || t == nil || cond == t.Name {
		return true
	}
	c := w.schema.Types[cond]
	if c == nil || !c.IsAbstractType() {
		return false
	}
	for _, p := range w.schema.GetPossibleTypes(c) {
		if p.Name == t.Name {
			return true
		}
	}
	return false
}

// safeAdd adds two costs, saturating instead of overflowing, and ignores
// negative ones (a bad complexity function must not make a query cheap).
func safeAdd(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if c := a + b; c >= a {
		return c
	}
	return int(^uint(0) >> 1)
}
