package kg

// Catalogue is what the graph knows of names, for drafting a new source:
// every entity with its names, every role, and every topic with some of the
// text said on it.
type Catalogue struct {
	Entities []Entity
	Roles    []Role
	Topics   []TopicText
}

// TopicText is a topic and the text of (up to a bounded number of) the
// statements on it.
type TopicText struct {
	Topic
	Text string
}
