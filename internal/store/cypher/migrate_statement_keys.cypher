// Gives statements loaded before they kept their order keys the keys (as
// statements_create sets them). Idempotent: only statements without both
// keys are touched, so on a migrated graph this reads the statements and
// writes nothing. Runs in batches, so a large graph does not need one huge
// transaction.
MATCH (st:Statement)
WHERE st.newestKey IS NULL OR st.oldestKey IS NULL
CALL (st) {
  SET st.newestKey = CASE st.sortDate WHEN '' THEN '~' ELSE right('0000000' + toString(99999999 - toInteger(replace(st.sortDate, '-', ''))), 8) END
        + ' ' + st.sourceId + ' ' + right('000000000' + toString(st.position), 10) + ' ' + st.id,
      st.oldestKey = CASE st.sortDate WHEN '' THEN '~' ELSE replace(st.sortDate, '-', '') END
        + ' ' + st.sourceId + ' ' + right('000000000' + toString(st.position), 10) + ' ' + st.id
} IN TRANSACTIONS OF 1000 ROWS
