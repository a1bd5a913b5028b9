package extract

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The talks ended. Leaders left on Friday.", []string{"The talks ended.", "Leaders left on Friday."}},
		{"U.S. before a name", "U.S. President Jane Roe spoke. She left.", []string{"U.S. President Jane Roe spoke.", "She left."}},
		{"U.S. ends a sentence", "Aid came from the U.S. The talks went on.", []string{"Aid came from the U.S.", "The talks went on."}},
		{"titles", "Gen. Ana Lind met Mr. Olsen and Dr. Berg. They talked.", []string{"Gen. Ana Lind met Mr. Olsen and Dr. Berg.", "They talked."}},
		{"months and numbers", "On Jan. 5 the No. 2 official resigned. Markets fell.", []string{"On Jan. 5 the No. 2 official resigned.", "Markets fell."}},
		{"initials", "J.D. Morrow and A. Quist signed. Then they left.", []string{"J.D. Morrow and A. Quist signed.", "Then they left."}},
		{"company", "Shares of Acme Inc. rose. Acme Inc. The rest fell.", []string{"Shares of Acme Inc. rose.", "Acme Inc.", "The rest fell."}},
		{"quote spanning sentences", `"We are ready. We will act," she said. Talks resume.`, []string{`"We are ready. We will act," she said.`, "Talks resume."}},
		{"quote ending a sentence", `He said: "Yes. We will." Then he left.`, []string{`He said: "Yes. We will."`, "Then he left."}},
		{"question", "Why now? Nobody knows.", []string{"Why now?", "Nobody knows."}},
		{"split quote", `"First," she said. "Second."`, []string{`"First," she said.`, `"Second."`}},
		{"lower case after a stop", "The U.N. envoy said so. it was late.", []string{"The U.N. envoy said so. it was late."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newText(tt.in)
			var got []string
			for _, s := range x.sents {
				got = append(got, s.in(x))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	in := "HEADLINE HERE\n\nLONDON (Reuters) - The first paragraph\nwraps onto a second line.\n\n\"An open quote runs on.\n\n\"And ends here,\" he said.\n"
	x := newText(in)
	var got []string
	for _, p := range x.paras {
		got = append(got, p.in(x))
	}
	want := []string{"HEADLINE HERE", "LONDON (Reuters) - The first paragraph\nwraps onto a second line.", "\"An open quote runs on.", "\"And ends here,\" he said."}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		words     []string
		open      []bool
		continues []bool
	}{
		{"straight", `"We are ready," she said.`, []string{"We are ready"}, []bool{false}, []bool{false}},
		{"typographic", `“We are ready,” she said.`, []string{"We are ready"}, []bool{false}, []bool{false}},
		{"nested single", `"He called it 'a farce' today," she said.`, []string{"He called it 'a farce' today"}, []bool{false}, []bool{false}},
		{"two in a sentence", `"A," he said, "b."`, []string{"A", "b."}, []bool{false, false}, []bool{false, false}},
		{"across paragraphs", "\"We will fight on.\n\n\"We will win,\" he said.", []string{"We will fight on.", "We will win"}, []bool{true, false}, []bool{false, true}},
		{"apostrophes ignored", `It's Kyiv's view that "it's over".`, []string{"it's over"}, []bool{false}, []bool{false}},
		{"single marks", `‘We will not move,’ she said of the leaders’ summit.`, []string{"We will not move"}, []bool{false}, []bool{false}},
		{"single marks inside double ones stay inside", `"They said ‘no’ twice," he said.`, []string{"They said ‘no’ twice"}, []bool{false}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newText(tt.in)
			var words []string
			var open, cont []bool
			for _, q := range x.quotes {
				words = append(words, q.words(x))
				open = append(open, q.open)
				cont = append(cont, q.continues)
			}
			if !slices.Equal(words, tt.words) || !slices.Equal(open, tt.open) || !slices.Equal(cont, tt.continues) {
				t.Errorf("got %q open %v continues %v; want %q %v %v", words, open, cont, tt.words, tt.open, tt.continues)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	x := newText(`U.S. President Jane Roe's aide, J.D. Vane, said "it's fine" in Kyiv’s view.`)
	var got []string
	for _, k := range tokenize(x) {
		got = append(got, k.text)
	}
	want := []string{"U.S.", "President", "Jane", "Roe", "'s", "aide", ",", "J.D.", "Vane", ",", "said", `"`, "it", "'s", "fine", `"`, "in", "Kyiv", "’s", "view", "."}
	if !slices.Equal(got, want) {
		t.Errorf("tokens:\n got %q\nwant %q", got, want)
	}
}

func TestDateline(t *testing.T) {
	for in, want := range map[string]string{
		"HELSINKI, Jan 15 (Reuters) - Finland believes it.":         "HELSINKI, Jan 15 (Reuters) - ",
		"GENEVA (AP) — The World Health Organization warned.":       "GENEVA (AP) — ",
		"WASHINGTON, March 3, 2026 (Reuters) -The fund said.":       "WASHINGTON, March 3, 2026 (Reuters) -",
		"Headline here\n\nUNITED NATIONS, June 8 (Reuters) - Text.": "UNITED NATIONS, June 8 (Reuters) - ",
		"Finland believes it (really) - yes.":                       "",
	} {
		x := newText(in)
		if got := x.s[x.dateline.start:x.dateline.end]; got != want {
			t.Errorf("dateline of %q = %q, want %q", in, got, want)
		}
	}
}
