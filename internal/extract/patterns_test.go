package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// draftText drafts text published on pub with the gazetteer alone.
func draftText(t *testing.T, text, pub string) *Draft {
	t.Helper()
	d, err := Extract(Input{Text: text, Title: "Test report", Publisher: "Test", PublishedAt: kgDate(pub)}, nil)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	return d
}

// said lists a draft's statements as "KIND Speaker Name: text" (speaker
// "?" when unresolved), in text order.
func said(d *Draft) []string {
	name := map[string]string{}
	for _, e := range d.Document.Entities {
		name[e.ID] = e.Name
	}
	var out []string
	for _, s := range d.Document.Statements {
		out = append(out, fmt.Sprintf("%s %s: %s", s.Kind, name[s.Speaker], s.Text))
	}
	for _, s := range d.Unresolved {
		out = append(out, fmt.Sprintf("%s ?: %s", s.Kind, s.Text))
	}
	slices.Sort(out)
	return out
}

// Each case is one pattern of news writing, in sentences written for the
// test. want lists every statement the draft must hold, and no others.
func TestStatementPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"quote then attribution",
			`"We will not sign this year," Finance Minister Ana Berg said on Tuesday.`,
			[]string{"QUOTE Ana Berg: We will not sign this year"}},
		{"a lower-case title after a body the rules cannot name",
			`"The count is slow because it is careful," election board chief Marta Ruiz told a news conference. "Nobody should confuse the two," Ruiz added.`,
			[]string{"QUOTE Marta Ruiz: Nobody should confuse the two", "QUOTE Marta Ruiz: The count is slow because it is careful"}},
		{"a title, then the name in apposition, after the quotation",
			`"We have contracts to honour," the refiner's chief financial officer, Olga Berin, told Reuters on Monday.`,
			[]string{"QUOTE Olga Berin: We have contracts to honour"}},
		{"attribution then quote, with a colon",
			`Swedish Prime Minister Tomas Lind said: "The talks are over. We go home."`,
			[]string{"QUOTE Tomas Lind: The talks are over. We go home."}},
		{"inverted attribution with an appositive",
			`"The border stays closed," said Liisa Aho, Finland's interior minister.`,
			[]string{"QUOTE Liisa Aho: The border stays closed"}},
		{"typographic marks and a nested quotation",
			`“They called it ‘a routine drill’ and it was not,” Danish Prime Minister Jens Krog told reporters.`,
			[]string{"QUOTE Jens Krog: They called it ‘a routine drill’ and it was not"}},
		{"a quotation split by its attribution, in one sentence",
			`"We will respond," Danish Prime Minister Jens Krog said, "but not today."`,
			[]string{"QUOTE Jens Krog: We will respond", "QUOTE Jens Krog: but not today."}},
		{"a quotation split over two sentences",
			`"We are ready," Danish Prime Minister Jens Krog said. "We have been for weeks."`,
			[]string{"QUOTE Jens Krog: We are ready", "QUOTE Jens Krog: We have been for weeks."}},
		{"a quotation running on into the next paragraph",
			"Estonian Prime Minister Kadri Tamm spoke first. \"We warned about this for years.\n\n\"Nobody listened,\" Tamm said.",
			[]string{"QUOTE Kadri Tamm: Nobody listened", "QUOTE Kadri Tamm: We warned about this for years."}},
		{"a bare quotation paragraph after an attributed one",
			"\"We will rebuild,\" Mayor Olek Vass said.\n\n\"It will take a year, maybe two.\"",
			[]string{"QUOTE Olek Vass: It will take a year, maybe two.", "QUOTE Olek Vass: We will rebuild"}},
		{"attribution in the sentence before",
			`Estonian Prime Minister Kadri Tamm was blunter. "This is sabotage."`,
			[]string{"QUOTE Kadri Tamm: This is sabotage."}},
		{"a pronoun for the last speaker",
			`Finnish President Liisa Aho met reporters in Turku. She said the border would stay closed until spring.`,
			[]string{"PARAPHRASE Liisa Aho: The border would stay closed until spring."}},
		{"a pronoun skips a person of the other gender",
			`Defendant Luis Vega denied the charges. Judge Ana Torres said she would rule on Friday. "I am innocent," he said.`,
			[]string{"PARAPHRASE Ana Torres: She would rule on Friday.", "PARAPHRASE Luis Vega: The charges are denied.", "QUOTE Luis Vega: I am innocent"}},
		{"speech reported inside a quotation",
			`U.S. President Mara Quinn called Danish Prime Minister Jens Krog on Monday. "The president also stressed that Denmark must spend more on defence," a White House official said.`,
			[]string{"PARAPHRASE Mara Quinn: Denmark must spend more on defence.", "QUOTE White House: The president also stressed that Denmark must spend more on defence"}},
		{"a title with a field word, after the quotation",
			`"The company chose growth over safety," EU tech commissioner Johanna Reiss told a news conference.`,
			[]string{"QUOTE Johanna Reiss: The company chose growth over safety"}},
		{"a verb inside a name is no verb",
			`U.S. Deputy Defense Secretary Ray Cole spoke. He told allies the United States would send aircraft but insisted that Europeans must "carry the load" themselves.`,
			[]string{"PARAPHRASE Ray Cole: Europeans must carry the load themselves.", "PARAPHRASE Ray Cole: The United States would send aircraft.", "QUOTE Ray Cole: carry the load"}},
		{"a definite description",
			`Danish Prime Minister Jens Krog arrived late. "We have work to do," the prime minister said.`,
			[]string{"QUOTE Jens Krog: We have work to do"}},
		{"an unnamed source of a named body",
			`A senior Kremlin official said the talks had stalled over the timetable.`,
			[]string{"PARAPHRASE Kremlin: The talks had stalled over the timetable."}},
		{"collective officials",
			`European officials said the sanctions would take effect in June.`,
			[]string{"PARAPHRASE European governments: The sanctions would take effect in June."}},
		{"a speaker the text does not give",
			`"Nobody will forget this night," one resident said.`,
			[]string{"QUOTE ?: Nobody will forget this night"}},
		{"reported speech with that",
			`Swedish Defence Minister Karl Nyberg said that Sweden would send two more ships to the area.`,
			[]string{"PARAPHRASE Karl Nyberg: Sweden would send two more ships to the area."}},
		{"accused of",
			`Poland accused Belarus of pushing migrants across the border at night.`,
			[]string{"PARAPHRASE Poland: Belarus is pushing migrants across the border at night."}},
		{"called for",
			`Estonian Prime Minister Kadri Tamm called for an immediate halt to the exercises.`,
			[]string{"PARAPHRASE Kadri Tamm: An immediate halt to the exercises is needed."}},
		{"ruled out",
			`Finnish President Liisa Aho ruled out sending troops to the region this year.`,
			[]string{"PARAPHRASE Liisa Aho: Sending troops to the region this year is ruled out."}},
		{"according to, leading",
			`According to NATO, three ships were damaged in the storm.`,
			[]string{"PARAPHRASE NATO: Three ships were damaged in the storm."}},
		{"according to, trailing",
			`Three ships were damaged in the storm, according to NATO.`,
			[]string{"PARAPHRASE NATO: Three ships were damaged in the storm."}},
		{"content first, speaker after",
			`The ceasefire must hold through the winter, two EU diplomats said.`,
			[]string{"PARAPHRASE European Union: The ceasefire must hold through the winter."}},
		{"a capital for its government",
			`Moscow said it would respond to the new sanctions in kind.`,
			[]string{"PARAPHRASE Russia: It would respond to the new sanctions in kind."}},
		{"abbreviations inside the sentence",
			`U.S. Secretary of State Mary Cole said on Jan. 5 that the U.N. plan was dead.`,
			[]string{"PARAPHRASE Mary Cole: The U.N. plan was dead."}},
		{"a partial quotation inside reported speech",
			`Danish Prime Minister Jens Krog called the plan "reckless and dangerous" in a speech to parliament.`,
			[]string{"QUOTE Jens Krog: reckless and dangerous"}},
		{"names in quotation marks are no speech",
			`Coastguard crews nicknamed the tanker "the Ghost of the Baltic" after it went dark. The navy began "Northern Lantern" last year.`,
			nil},
		{"headlines, captions and credits are no speech",
			"Kremlin says talks are over\n\nMOSCOW, March 5 (Reuters) - The talks ended without a deal.\n\nA man says goodbye in Moscow, March 4, 2026. REUTERS/Ana Berg\n\n(Reporting by Ana Berg; Editing by Tom Lind)",
			nil},
		{"reported a profit is no speech",
			`Acme Energy reported a 12% rise in quarterly profit on Tuesday. Acme Energy posted record sales.`,
			nil},
		{"a title in quotation marks after a verb is no speech",
			`Haddad described that work in her memoir, "Triage at Dawn." Finland pressed the alliance to widen "Northern Lantern" this year.`,
			[]string{"PARAPHRASE Finland: The alliance should widen Northern Lantern this year."}},
		{"said that is no speech",
			`That said, the plan is unchanged. The tanker is said to be owned by a firm in Dubai. She declined to say more.`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := said(draftText(t, tt.text, "2026-03-05"))
			want := append([]string(nil), tt.want...)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("statements:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestRolePatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Person / Title / Of"
	}{
		{"possessive nation", `France's President Jeanne Morel arrived.`, []string{"Jeanne Morel / President / France"}},
		{"nation adjective", `Italian Prime Minister Marco Ferri arrived.`, []string{"Marco Ferri / Prime Minister / Italy"}},
		{"organisation before the title", `NATO Secretary General Henrik Sand arrived.`, []string{"Henrik Sand / Secretary General / NATO"}},
		{"appositive with of", `Paula Reis, head of the European Council, arrived.`, []string{"Paula Reis / Head / European Council"}},
		{"appositive with a possessive", `Katrin Wolf, Germany's finance minister, arrived.`, []string{"Katrin Wolf / Finance minister / Germany"}},
		{"the country's", `Germany voted. Katrin Wolf, the country's finance minister, arrived.`, []string{"Katrin Wolf / Finance minister / Germany"}},
		{"a title built from parts", `U.S. Deputy Defense Secretary Ray Cole arrived.`, []string{"Ray Cole / Deputy Defense Secretary / United States"}},
		{"title, comma, name", `Ukraine's health minister, Ivan Hrytsenko, arrived.`, []string{"Ivan Hrytsenko / Health minister / Ukraine"}},
		{"his deputy", `NATO Secretary General Henrik Sand spoke. His deputy, Teresa Alves, listened.`,
			[]string{"Henrik Sand / Secretary General / NATO", "Teresa Alves / Deputy / NATO"}},
		{"a former office is no role", `Former President Jeanne Morel of France arrived. Marco Ferri, a former Italian prime minister, spoke.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := draftText(t, tt.text, "2026-03-05")
			name := map[string]string{}
			for _, e := range d.Document.Entities {
				name[e.ID] = e.Name
			}
			var got []string
			for _, r := range d.Document.Roles {
				got = append(got, name[r.Person]+" / "+r.Title+" / "+name[r.Of])
			}
			slices.Sort(got)
			want := append([]string(nil), tt.want...)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("roles:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestDates(t *testing.T) {
	// 2026-03-05 is a Thursday.
	tests := []struct{ text, want string }{
		{`Finnish President Liisa Aho said on Tuesday that talks would resume.`, "2026-03-03"},
		{`Finnish President Liisa Aho said on Thursday that talks would resume.`, "2026-03-05"},
		{`Finnish President Liisa Aho said yesterday that talks would resume.`, "2026-03-04"},
		{`Finnish President Liisa Aho said on March 2 that talks would resume.`, "2026-03-02"},
		{`Finnish President Liisa Aho said on Dec. 30 that talks would resume.`, "2025-12-30"},
		{`Finnish President Liisa Aho said that talks would resume.`, "2026-03"},
		{`Finnish President Liisa Aho has said that talks would resume.`, ""},
	}
	for _, tt := range tests {
		d := draftText(t, tt.text, "2026-03-05")
		if len(d.Document.Statements) != 1 || string(d.Document.Statements[0].Date) != tt.want {
			t.Errorf("%s\n  statements %+v, want date %q", tt.text, d.Document.Statements, tt.want)
		}
	}
}

func TestEntitiesAndAbout(t *testing.T) {
	d := draftText(t, `Finnish President Liisa Aho said the Kremlin and Beijing had ignored Kyiv's warnings. Aho said Finland's patience was over.`, "2026-03-05")
	var ids []string
	for _, e := range d.Document.Entities {
		ids = append(ids, e.ID)
	}
	for _, want := range []string{"person:liisa-aho", "nation:finland", "organisation:kremlin", "nation:china", "nation:ukraine"} {
		if !slices.Contains(ids, want) {
			t.Errorf("entities %v lack %s", ids, want)
		}
	}
	if len(d.Document.Statements) != 2 {
		t.Fatalf("statements: %+v", d.Document.Statements)
	}
	about := d.Document.Statements[0].About
	for _, want := range []string{"organisation:kremlin", "nation:china", "nation:ukraine"} {
		if !slices.Contains(about, want) {
			t.Errorf("about %v lacks %s", about, want)
		}
	}
	// "Aho" later is the same person, kept as an alias.
	if d.Document.Statements[1].Speaker != "person:liisa-aho" {
		t.Errorf("second statement by %s", d.Document.Statements[1].Speaker)
	}
	for _, e := range d.Document.Entities {
		if e.ID == "person:liisa-aho" && !slices.Contains(e.Aliases, "Aho") {
			t.Errorf("aliases %v lack Aho", e.Aliases)
		}
	}
}

// The graph's own names are recognised, case and accents aside, and keep
// their ids; a name the graph has for a person is that person.
func TestCatalogueNames(t *testing.T) {
	cat := NewCatalogue(kgCatalogue())
	d, err := Extract(Input{Text: `ZÉLENSKIY said the front was holding. Rutte agreed with Zelenskiy that the front was holding.`, Title: "T", PublishedAt: "2026-03-05"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	got := said(d)
	if len(got) < 2 || !strings.Contains(strings.Join(got, "|"), "PARAPHRASE Volodymyr Zelensky: The front was holding.") {
		t.Errorf("statements %q", got)
	}
	for _, s := range d.Document.Statements {
		if !strings.HasPrefix(s.Speaker, "person:") {
			t.Errorf("speaker %s", s.Speaker)
		}
	}
	for _, f := range d.Report {
		if strings.HasPrefix(f.Path, "statements[0]") && !slices.Contains(f.Matched, "person:volodymyr-zelensky") {
			t.Errorf("report %+v does not name the graph's entity", f)
		}
	}
}

// Organisations the gazetteer does not know are found by the shape of
// their names, and "the company" or "the central bank" then finds them.
func TestOrganisationPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a head word and a description",
			`Australian gas producer Coralline Energy will close a plant, the company said on Tuesday.`,
			[]string{"PARAPHRASE Coralline Energy: Australian gas producer Coralline Energy will close a plant."}},
		{"X of Y and the central bank",
			`The Bank of Ghana held its rate at 18%. The central bank said inflation had slowed in June.`,
			[]string{"PARAPHRASE Bank of Ghana: Inflation had slowed in June."}},
		{"a union with a possessive in its name",
			`The Offshore Energy Workers' Union accused the company of abandoning its staff.`,
			[]string{"PARAPHRASE Offshore Energy Workers' Union: The company is abandoning its staff."}},
		{"an acronym that speaks",
			`A NOPSEMA spokesperson said the notice remained in force.`,
			[]string{"PARAPHRASE NOPSEMA: The notice remained in force."}},
		{"a person who heads a named bank speaks for himself",
			`"We have come too far," Bank of Ghana Governor Yaw Mensah told reporters.`,
			[]string{"QUOTE Yaw Mensah: We have come too far"}},
		{"a body named by its appositive",
			`Transparencia Andina, an anti-corruption group, urged parliament to pass the bill.`,
			[]string{"PARAPHRASE Transparencia Andina: Parliament should pass the bill."}},
		{"a name never runs into the next paragraph",
			"A trader in Accra. REUTERS/Nana Ofori\n\nThe Bank of Ghana said inflation had slowed in June.",
			[]string{"PARAPHRASE Bank of Ghana: Inflation had slowed in June."}},
		{"a title with no nation, in a report about one nation",
			`Ghana's central bank held rates. Ghana's inflation slowed. Finance Minister Abena Quansah said the decision was disappointing.`,
			[]string{"PARAPHRASE Abena Quansah: The decision was disappointing."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := said(draftText(t, tt.text, "2026-07-29"))
			if !slices.Equal(got, tt.want) {
				t.Errorf("statements:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	d := draftText(t, `Ghana's central bank held rates. Ghana's inflation slowed. Finance Minister Abena Quansah spoke.`, "2026-07-29")
	if len(d.Document.Roles) != 1 || d.Document.Roles[0].Of != "nation:ghana" || d.Document.Roles[0].Title != "Finance Minister" {
		t.Errorf("roles %+v, want Quansah as Ghana's finance minister", d.Document.Roles)
	}
}
