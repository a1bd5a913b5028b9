package ingest

import (
	"newsgraph/internal/kg"
)

// DocumentOf is the ingestion document of a source already in the graph,
// rebuilt from the spans of its text that support something (the store's
// SourceEvidence): every entity it names, with the aliases it gives them,
// its events with their participants, roles, memberships, topics and
// statements, each with its evidence as offsets. Loading it again changes
// nothing; a reviewer corrects it and loads it to replace the source.
//
// A participation in an event this source does not itself give evidence
// for cannot be written in the format (participants belong to an event
// declared in the document) and is left out.
func DocumentOf(src kg.Source, spans []kg.SourceEvidence) *Document {
	doc := &Document{Source: SourceInput{ID: src.ID, Title: src.Title, Publisher: src.Publisher, URL: src.URL, PublishedAt: src.PublishedAt, Text: src.Text}}
	ev := func(s kg.SourceEvidence) EvidenceInput {
		start, end := s.Start, s.End
		return EvidenceInput{Start: &start, End: &end}
	}
	entity := map[string]int{}
	event := map[string]int{}
	role := map[string]int{}
	membership := map[string]int{}
	topic := map[string]bool{}
	for _, s := range spans {
		switch s.Kind {
		case kg.MentionEvidence:
			e := s.Entity
			i := slot(entity, &doc.Entities, e.ID, func() EntityInput {
				return EntityInput{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: s.SourceAliases, Description: e.Description}
			})
			doc.Entities[i].Evidence = append(doc.Entities[i].Evidence, ev(s))
		case kg.EventEvidence:
			e := s.Event
			i := slot(event, &doc.Events, e.ID, func() EventInput {
				return EventInput{ID: e.ID, Name: e.Name, Kind: e.Kind, Description: e.Description, Date: e.Date, EndDate: e.EndDate, Location: e.Location}
			})
			doc.Events[i].Evidence = append(doc.Events[i].Evidence, ev(s))
		case kg.RoleEvidence:
			r := s.Role
			i := slot(role, &doc.Roles, r.PersonID+"\x00"+r.Title+"\x00"+r.OfID, func() RoleInput {
				return RoleInput{Person: r.PersonID, Title: r.Title, Of: r.OfID}
			})
			doc.Roles[i].Evidence = append(doc.Roles[i].Evidence, ev(s))
		case kg.MembershipEvidence:
			m := s.Membership
			i := slot(membership, &doc.Memberships, m.MemberID+"\x00"+m.OrganisationID, func() MembershipInput {
				return MembershipInput{Member: m.MemberID, Organisation: m.OrganisationID, Role: m.Role}
			})
			doc.Memberships[i].Evidence = append(doc.Memberships[i].Evidence, ev(s))
		case kg.StatementEvidence:
			st := s.Statement
			in := StatementInput{ID: st.ID, Kind: st.Kind, Speaker: st.SpeakerID, Attribution: st.Attribution, Text: st.Text,
				Event: st.EventID, Date: st.Date}
			for _, a := range st.About {
				switch {
				case a.Entity != nil:
					in.About = append(in.About, a.Entity.ID)
				case a.Event != nil:
					in.About = append(in.About, a.Event.ID)
				}
			}
			for _, t := range st.Topics {
				in.Topics = append(in.Topics, t.ID)
				if !topic[t.ID] {
					topic[t.ID] = true
					doc.Topics = append(doc.Topics, TopicInput{ID: t.ID, Name: t.Name})
				}
			}
			e := ev(s)
			in.Evidence = &e
			doc.Statements = append(doc.Statements, in)
		}
	}
	// Participations last: their events are all known by now.
	for _, s := range spans {
		if s.Kind != kg.ParticipationEvidence {
			continue
		}
		p := s.Participation
		i, ok := event[p.EventID]
		if !ok {
			continue
		}
		e := &doc.Events[i]
		found := false
		for j := range e.Participants {
			if e.Participants[j].Entity == p.EntityID {
				e.Participants[j].Evidence = append(e.Participants[j].Evidence, ev(s))
				found = true
			}
		}
		if !found {
			e.Participants = append(e.Participants, ParticipantInput{Entity: p.EntityID, Role: p.Role, Evidence: Evidences{ev(s)}})
		}
	}
	return doc
}

// slot is the index in *list of the item for key, appending the one newItem
// makes the first time key is seen; index remembers where each key went.
func slot[T any](index map[string]int, list *[]T, key string, newItem func() T) int {
	i, ok := index[key]
	if !ok {
		i = len(*list)
		index[key] = i
		*list = append(*list, newItem())
	}
	return i
}
