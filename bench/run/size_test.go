package main

import "testing"

func TestSizes(t *testing.T) {
	for _, c := range []struct {
		n              int
		grouped, short string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{20_000, "20,000", "20k"},
		{50_000, "50,000", "50k"},
		{200_000, "200,000", "200k"},
		{1_000_000, "1,000,000", "1M"},
		{1_500_000, "1,500,000", "1500k"},
		{1_234_567, "1,234,567", "1,234,567"},
	} {
		if g, s := grouped(c.n), short(c.n); g != c.grouped || s != c.short {
			t.Errorf("grouped(%d), short(%d) = %q, %q; want %q, %q", c.n, c.n, g, s, c.grouped, c.short)
		}
	}
}
