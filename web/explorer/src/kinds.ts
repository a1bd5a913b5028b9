// How each kind of node looks, in lists and in the graph: a colour and a
// shape per type, so the two agree.
export const kindStyle: Record<string, { colour: string; shape: string; label: string }> = {
  Person: { colour: "#2b6cb0", shape: "ellipse", label: "person" },
  Nation: { colour: "#2f855a", shape: "round-rectangle", label: "nation" },
  Organisation: { colour: "#b7791f", shape: "diamond", label: "organisation" },
  Event: { colour: "#9b2c2c", shape: "hexagon", label: "event" },
  Statement: { colour: "#553c9a", shape: "round-tag", label: "statement" },
  Topic: { colour: "#4a5568", shape: "tag", label: "topic" },
  Source: { colour: "#1a202c", shape: "rectangle", label: "source" },
};

export function kindOf(typename: string): string {
  return kindStyle[typename]?.label ?? typename.toLowerCase();
}
