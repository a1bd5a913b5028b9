// The source nodes themselves, with their full text.
UNWIND $sources AS source
MERGE (s:Source {id: source.id})
SET s.title = source.title,
    s.publisher = source.publisher,
    s.url = source.url,
    s.publishedAt = source.publishedAt,
    s.sortDate = coalesce(source.sortDate, ''),
    s.text = source.text
