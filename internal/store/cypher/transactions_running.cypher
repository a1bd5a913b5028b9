// The queries of the transactions running now, other than this one.
SHOW TRANSACTIONS YIELD transactionId, currentQuery
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN collect(currentQuery) AS queries
