package store

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// pageColumns reads the total, after and page columns every page query
// returns: how many items match, how many lie after the cursor, and up to
// first+1 items.
func pageColumns(rec *neo4j.Record) (total, after int, page []any, err error) {
	t, _, err := neo4j.GetRecordValue[int64](rec, "total")
	if err != nil {
		return 0, 0, nil, err
	}
	a, _, err := neo4j.GetRecordValue[int64](rec, "after")
	if err != nil {
		return 0, 0, nil, err
	}
	page, _, err = neo4j.GetRecordValue[[]any](rec, "page")
	return int(t), int(a), page, err
}

// pageInfo is what every page of a connection knows besides its items.
type pageInfo struct {
	total, after  int
	hasNext, prev bool
}

// readPage reads one page query row: it hands each of the first items to
// read, and says whether more follow and whether some came before the
// cursor (cursor says whether one was given).
func readPage(rec *neo4j.Record, first int, cursor bool, read func(row) error) (pageInfo, error) {
	total, after, list, err := pageColumns(rec)
	if err != nil {
		return pageInfo{}, err
	}
	info := pageInfo{total: total, after: after, prev: cursor && total > after}
	for i, item := range list {
		if i == first {
			info.hasNext = true
			break
		}
		r, ok := asRow(item)
		if !ok {
			return pageInfo{}, fmt.Errorf("page item is %T", item)
		}
		if err := read(r); err != nil {
			return pageInfo{}, err
		}
	}
	return info, nil
}
