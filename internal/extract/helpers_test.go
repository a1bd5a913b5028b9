package extract

import "newsgraph/internal/kg"

func kgDate(s string) kg.Date { return kg.Date(s) }

func kgCatalogue() kg.Catalogue {
	return kg.Catalogue{
		Entities: []kg.Entity{
			{ID: "person:volodymyr-zelensky", Kind: kg.Person, Name: "Volodymyr Zelensky", Aliases: []string{"Zelenskiy", "Zelensky"}},
			{ID: "person:mark-rutte", Kind: kg.Person, Name: "Mark Rutte", Aliases: []string{"Rutte"}},
			{ID: "organisation:nato", Kind: kg.Organisation, Name: "NATO"},
		},
		Roles: []kg.Role{{PersonID: "person:mark-rutte", Title: "Secretary General", OfID: "organisation:nato"}},
	}
}
