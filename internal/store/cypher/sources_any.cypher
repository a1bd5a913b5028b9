// Whether the graph holds any source at all.
RETURN EXISTS { MATCH (:Source) } AS any
