package kg

import (
	"strconv"
	"strings"
)

// FilterKey is a StatementFilter in a comparable form, its lists packed
// into strings (pack), so that it can be a map key: the per-request
// loaders batch pages and the change feed groups subscribers by it. Filter
// gives the filter back.
type FilterKey struct {
	speakerID, aboutID, eventID, topicID string
	kind                                 StatementKind
	from, to                             Date
	text                                 string
	speakerKinds, speakerIDs, aboutIDs   string
	hasSpeakerKinds, hasSpeakerIDs       bool
	hasAboutIDs                          bool
	order                                StatementOrder
}

// Key is the filter's FilterKey.
func (f StatementFilter) Key() FilterKey {
	return FilterKey{
		speakerID: f.SpeakerID, aboutID: f.AboutID, eventID: f.EventID, topicID: f.TopicID,
		kind: f.Kind, from: f.From, to: f.To, text: f.Text,
		speakerKinds: pack(f.SpeakerKinds), speakerIDs: pack(f.SpeakerIDs), aboutIDs: pack(f.AboutIDs),
		hasSpeakerKinds: f.SpeakerKinds != nil, hasSpeakerIDs: f.SpeakerIDs != nil, hasAboutIDs: f.AboutIDs != nil,
		order: f.Order,
	}
}

// Filter is the filter k was made from.
func (k FilterKey) Filter() StatementFilter {
	return StatementFilter{
		SpeakerID: k.speakerID, AboutID: k.aboutID, EventID: k.eventID, TopicID: k.topicID,
		Kind: k.kind, From: k.from, To: k.to, Text: k.text,
		SpeakerKinds: unpack[EntityKind](k.speakerKinds, k.hasSpeakerKinds),
		SpeakerIDs:   unpack[string](k.speakerIDs, k.hasSpeakerIDs), AboutIDs: unpack[string](k.aboutIDs, k.hasAboutIDs),
		Order: k.order,
	}
}

// pack writes a list as each item's length, ':' and the item, so that any
// string, separators included, comes back whole.
func pack[S ~string](list []S) string {
	var b strings.Builder
	for _, s := range list {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(string(s))
	}
	return b.String()
}

// unpack reads pack's string back into a list, nil when there was none
// (has false).
func unpack[S ~string](packed string, has bool) []S {
	if !has {
		return nil
	}
	out := []S{}
	for packed != "" {
		colon := strings.IndexByte(packed, ':')
		n, _ := strconv.Atoi(packed[:colon])
		out = append(out, S(packed[colon+1:colon+1+n]))
		packed = packed[colon+1+n:]
	}
	return out
}
