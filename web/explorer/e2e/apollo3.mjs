// Apollo Client 3 against a live newsgraph: the client most frontends
// still run sends Accept: */* and treats any status but 2xx as a network
// error, so a request error must come back as 200 with its GraphQL errors
// in graphQLErrors. Usage: node e2e/apollo3.mjs URL (the /graphql URL).
import apollo from '@apollo/client/core/core.cjs';

const { ApolloClient, InMemoryCache, HttpLink, gql } = apollo;
const url = process.argv[2];
const client = new ApolloClient({
  link: new HttpLink({ uri: url, fetch }),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'no-cache', errorPolicy: 'none' } },
});

let failed = false;
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ': ' + detail}`);
  if (!ok) failed = true;
}

// A field the schema does not have: a validation error.
try {
  await client.query({ query: gql`{ entity(id: "person:mark-rutte") { id nope } }` });
  check('validation error', false, 'the query succeeded');
} catch (err) {
  const msgs = (err.graphQLErrors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`);
  check('validation error reaches graphQLErrors', msgs.some((m) => m.startsWith('BAD_USER_INPUT: Cannot query field "nope"')), JSON.stringify({ msgs, network: String(err.networkError) }));
  check('validation error is no network error', !err.networkError, String(err.networkError));
}

// A variable of the wrong type: a coercion error.
try {
  await client.query({ query: gql`query ($first: Int) { statements(first: $first) { totalCount } }`, variables: { first: 'ten' } });
  check('coercion error', false, 'the query succeeded');
} catch (err) {
  const msgs = (err.graphQLErrors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`);
  check('variable coercion error reaches graphQLErrors', msgs.some((m) => m.startsWith('BAD_USER_INPUT: ') && m.includes('Int')), JSON.stringify({ msgs, network: String(err.networkError) }));
}

// And a good query still answers data.
const res = await client.query({ query: gql`{ entity(id: "person:mark-rutte") { id name } }` });
check('a valid query answers data', res.data?.entity?.name === 'Mark Rutte', JSON.stringify(res.data));

process.exit(failed ? 1 : 0);
