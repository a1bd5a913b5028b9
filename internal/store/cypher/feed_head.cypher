// The feed's last sequence number, 0 before any change.
OPTIONAL MATCH (f:ChangeFeed {id: 'changes'})
RETURN coalesce(f.seq, 0) AS seq
