package model

import "testing"

func TestUnmarshalID(t *testing.T) {
	for in, want := range map[any]string{nil: "", "person:x": "person:x", 12: "12"} {
		if got, err := UnmarshalID(in); err != nil || got != want {
			t.Errorf("UnmarshalID(%v) = %q, %v; want %q", in, got, err, want)
		}
	}
}
