package model

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"newsgraph/internal/kg"
)

// MarshalDate writes a kg.Date as the GraphQL Date scalar.
func MarshalDate(d kg.Date) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(string(d))) })
}

// UnmarshalDate reads the GraphQL Date scalar: YYYY, YYYY-MM or YYYY-MM-DD.
// The error names the argument from the path gqlgen is coercing.
func UnmarshalDate(v any) (kg.Date, error) {
	s, ok := v.(string)
	if !ok {
		return "", kg.InvalidInput(kg.CoercedArgument, "%v is not a date string; use YYYY, YYYY-MM or YYYY-MM-DD", v)
	}
	return kg.ParseDate(kg.CoercedArgument, s)
}
