/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment StatementFields on Statement {\n    id\n    kind\n    text\n    date\n    attribution\n    speaker { __typename id name }\n    about { __typename id ... on Entity { name } ... on Event { name } }\n    event { id name }\n    topics { id name }\n    evidence { start end excerpt source { id title publisher publishedAt } }\n  }\n": typeof types.StatementFieldsFragmentDoc,
    "\n  query Search($q: String!) {\n    search(query: $q, first: 10) {\n      score\n      snippet\n      node {\n        __typename\n        id\n        ... on Entity { name }\n        ... on Event { name }\n        ... on Statement { text speaker { name } }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SourceText($id: ID!) {\n    node(id: $id) { __typename ... on Source { text } }\n  }\n": typeof types.SourceTextDocument,
    "\n  fragment DocumentFields on DraftDocument {\n    source { id title publisher url publishedAt text }\n    entities { id kind name aliases description existing evidence { start end } }\n    roles { person title of evidence { start end } }\n    memberships { member organisation role evidence { start end } }\n    topics { id name }\n    events {\n      id\n      name\n      kind\n      description\n      date\n      endDate\n      location\n      participants { entity role evidence { start end } }\n      evidence { start end }\n    }\n    statements { ...DraftStatementFields }\n  }\n": typeof types.DocumentFieldsFragmentDoc,
    "\n  fragment DraftStatementFields on DraftStatement {\n    kind\n    text\n    speaker\n    attribution\n    about\n    event\n    date\n    topics\n    evidence { start end }\n  }\n": typeof types.DraftStatementFieldsFragmentDoc,
    "\n  mutation Draft($input: SourceDraftInput!) {\n    draftSource(input: $input) {\n      document { ...DocumentFields }\n      report { path rule confidence matched }\n      unresolved { ...DraftStatementFields }\n    }\n  }\n": typeof types.DraftDocument,
    "\n  query SourceDocument($id: ID!) {\n    node(id: $id) { __typename ... on Source { document { ...DocumentFields } } }\n  }\n": typeof types.SourceDocumentDocument,
    "\n  mutation Validate($doc: SourceDocumentInput!) {\n    validateSource(document: $doc) { valid problems { path message } }\n  }\n": typeof types.ValidateDocument,
    "\n  mutation Ingest($doc: SourceDocumentInput!) {\n    ingestSource(document: $doc) { source { id title } counts { kind created updated unchanged deleted } }\n  }\n": typeof types.IngestDocument,
    "\n  mutation Delete($id: ID!) {\n    deleteSource(id: $id) { counts { kind created updated unchanged deleted } }\n  }\n": typeof types.DeleteDocument,
    "\n  query Sources($first: Int!, $after: String) {\n    sources(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title publisher publishedAt statements(first: 1) { totalCount } entities { id } }\n    }\n  }\n": typeof types.SourcesDocument,
    "\n  query Entity($id: ID!, $said: StatementFilter, $about: StatementFilter) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      aliases\n      description\n      ... on Person { roles { title of { id name } } }\n      ... on Nation { leaders { title person { id name } } memberships { role organisation { id name } } }\n      ... on Organisation { leaders { title person { id name } } members { role member { id name } } }\n      statements(filter: $said, first: 40) { totalCount nodes { ...StatementFields } }\n      mentions(filter: $about, first: 40) { totalCount nodes { ...StatementFields } }\n      speakers: mentions(first: 100) { nodes { speaker { id name } } }\n    }\n    topics { id name }\n  }\n": typeof types.EntityDocument,
    "\n  query EntityCharts($talkers: StatementFilter, $months: StatementFilter) {\n    talkers: statementCounts(filter: $talkers, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    months: statementCounts(filter: $months, by: MONTH, first: 100) { key count }\n  }\n": typeof types.EntityChartsDocument,
    "\n  subscription EntityLive($filter: StatementFilter) {\n    statementAdded(filter: $filter) { ...StatementFields }\n  }\n": typeof types.EntityLiveDocument,
    "\n  fragment NetworkEdges on Network {\n    edges {\n      count\n      kinds { kind count }\n      from { __typename id name }\n      to { __typename id ... on Entity { name } ... on Event { name } }\n    }\n  }\n": typeof types.NetworkEdgesFragmentDoc,
    "\n  fragment EntityRoles on Entity {\n    ... on Person { roles { title of { __typename id name } } }\n    ... on Nation { leaders { title person { __typename id name } } memberships { role organisation { __typename id name } } }\n    ... on Organisation { leaders { title person { __typename id name } } members { role member { __typename id name } } }\n  }\n": typeof types.EntityRolesFragmentDoc,
    "\n  query Graph($id: ID!, $said: StatementFilter, $about: StatementFilter, $first: Int!) {\n    entity(id: $id) { __typename id name ...EntityRoles }\n    said: network(filter: $said, first: $first) { ...NetworkEdges }\n    about: network(filter: $about, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n": typeof types.GraphDocument,
    "\n  query Network($filter: StatementFilter, $first: Int!) {\n    network(filter: $filter, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n": typeof types.NetworkDocument,
    "\n  query EdgeStatements($filter: StatementFilter, $first: Int!) {\n    statements(filter: $filter, first: $first) { totalCount nodes { ...StatementFields } }\n  }\n": typeof types.EdgeStatementsDocument,
    "\n  query Home {\n    sources(first: 5) { totalCount nodes { id title publisher publishedAt } }\n    statements(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n    people: statementCounts(filter: { speakerKinds: [PERSON] }, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    mentioned: statementCounts(by: ABOUT, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } ... on Event { name } }\n    }\n    months: statementCounts(by: MONTH, first: 100) { key count }\n  }\n": typeof types.HomeDocument,
    "\n  subscription HomeStatements {\n    statementAdded { ...StatementFields }\n  }\n": typeof types.HomeStatementsDocument,
    "\n  subscription HomeSources {\n    sourceChanged { kind sourceId source { id title publisher publishedAt } }\n  }\n": typeof types.HomeSourcesDocument,
    "\n  query Paths($from: ID!, $to: ID!) {\n    paths(from: $from, to: $to, first: 5) {\n      length\n      nodes { __typename id ... on Entity { name } ... on Event { name } ... on Statement { text } }\n      links { type from { id } to { id } evidence { start end excerpt source { id title } } }\n    }\n  }\n": typeof types.PathsDocument,
    "\n  query Source($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Source {\n        id\n        title\n        publisher\n        publishedAt\n        url\n        text\n        evidence {\n          kind\n          start\n          end\n          excerpt\n          fact {\n            __typename\n            ... on Statement { id kind text speaker { id name } }\n            ... on Event { id name date location }\n            ... on Role { title person { id name } of { id name } }\n            ... on Membership { role member { id name } organisation { id name } }\n            ... on Participation { role entity { id name } event { id name } }\n            ... on Entity { id name }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SourceDocument,
    "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...StatementFields }\n  }\n": typeof types.StatementPageFragmentDoc,
    "\n  fragment NamedNode on Node {\n    __typename\n    id\n    ... on Entity { name }\n    ... on Event { name }\n    ... on Topic { name }\n  }\n": typeof types.NamedNodeFragmentDoc,
    "\n  query Statements(\n    $filter: StatementFilter\n    $first: Int!\n    $speaker: ID!\n    $withSpeaker: Boolean!\n    $about: ID!\n    $withAbout: Boolean!\n    $topic: ID!\n    $withTopic: Boolean!\n  ) {\n    speaker: node(id: $speaker) @include(if: $withSpeaker) { ...NamedNode }\n    about: node(id: $about) @include(if: $withAbout) { ...NamedNode }\n    topic: node(id: $topic) @include(if: $withTopic) { ...NamedNode }\n    statements(filter: $filter, first: $first) { ...StatementPage }\n  }\n": typeof types.StatementsDocument,
    "\n  query StatementsPage($filter: StatementFilter, $first: Int!, $after: String) {\n    statements(filter: $filter, first: $first, after: $after) { ...StatementPage }\n  }\n": typeof types.StatementsPageDocument,
};
const documents: Documents = {
    "\n  fragment StatementFields on Statement {\n    id\n    kind\n    text\n    date\n    attribution\n    speaker { __typename id name }\n    about { __typename id ... on Entity { name } ... on Event { name } }\n    event { id name }\n    topics { id name }\n    evidence { start end excerpt source { id title publisher publishedAt } }\n  }\n": types.StatementFieldsFragmentDoc,
    "\n  query Search($q: String!) {\n    search(query: $q, first: 10) {\n      score\n      snippet\n      node {\n        __typename\n        id\n        ... on Entity { name }\n        ... on Event { name }\n        ... on Statement { text speaker { name } }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query SourceText($id: ID!) {\n    node(id: $id) { __typename ... on Source { text } }\n  }\n": types.SourceTextDocument,
    "\n  fragment DocumentFields on DraftDocument {\n    source { id title publisher url publishedAt text }\n    entities { id kind name aliases description existing evidence { start end } }\n    roles { person title of evidence { start end } }\n    memberships { member organisation role evidence { start end } }\n    topics { id name }\n    events {\n      id\n      name\n      kind\n      description\n      date\n      endDate\n      location\n      participants { entity role evidence { start end } }\n      evidence { start end }\n    }\n    statements { ...DraftStatementFields }\n  }\n": types.DocumentFieldsFragmentDoc,
    "\n  fragment DraftStatementFields on DraftStatement {\n    kind\n    text\n    speaker\n    attribution\n    about\n    event\n    date\n    topics\n    evidence { start end }\n  }\n": types.DraftStatementFieldsFragmentDoc,
    "\n  mutation Draft($input: SourceDraftInput!) {\n    draftSource(input: $input) {\n      document { ...DocumentFields }\n      report { path rule confidence matched }\n      unresolved { ...DraftStatementFields }\n    }\n  }\n": types.DraftDocument,
    "\n  query SourceDocument($id: ID!) {\n    node(id: $id) { __typename ... on Source { document { ...DocumentFields } } }\n  }\n": types.SourceDocumentDocument,
    "\n  mutation Validate($doc: SourceDocumentInput!) {\n    validateSource(document: $doc) { valid problems { path message } }\n  }\n": types.ValidateDocument,
    "\n  mutation Ingest($doc: SourceDocumentInput!) {\n    ingestSource(document: $doc) { source { id title } counts { kind created updated unchanged deleted } }\n  }\n": types.IngestDocument,
    "\n  mutation Delete($id: ID!) {\n    deleteSource(id: $id) { counts { kind created updated unchanged deleted } }\n  }\n": types.DeleteDocument,
    "\n  query Sources($first: Int!, $after: String) {\n    sources(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title publisher publishedAt statements(first: 1) { totalCount } entities { id } }\n    }\n  }\n": types.SourcesDocument,
    "\n  query Entity($id: ID!, $said: StatementFilter, $about: StatementFilter) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      aliases\n      description\n      ... on Person { roles { title of { id name } } }\n      ... on Nation { leaders { title person { id name } } memberships { role organisation { id name } } }\n      ... on Organisation { leaders { title person { id name } } members { role member { id name } } }\n      statements(filter: $said, first: 40) { totalCount nodes { ...StatementFields } }\n      mentions(filter: $about, first: 40) { totalCount nodes { ...StatementFields } }\n      speakers: mentions(first: 100) { nodes { speaker { id name } } }\n    }\n    topics { id name }\n  }\n": types.EntityDocument,
    "\n  query EntityCharts($talkers: StatementFilter, $months: StatementFilter) {\n    talkers: statementCounts(filter: $talkers, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    months: statementCounts(filter: $months, by: MONTH, first: 100) { key count }\n  }\n": types.EntityChartsDocument,
    "\n  subscription EntityLive($filter: StatementFilter) {\n    statementAdded(filter: $filter) { ...StatementFields }\n  }\n": types.EntityLiveDocument,
    "\n  fragment NetworkEdges on Network {\n    edges {\n      count\n      kinds { kind count }\n      from { __typename id name }\n      to { __typename id ... on Entity { name } ... on Event { name } }\n    }\n  }\n": types.NetworkEdgesFragmentDoc,
    "\n  fragment EntityRoles on Entity {\n    ... on Person { roles { title of { __typename id name } } }\n    ... on Nation { leaders { title person { __typename id name } } memberships { role organisation { __typename id name } } }\n    ... on Organisation { leaders { title person { __typename id name } } members { role member { __typename id name } } }\n  }\n": types.EntityRolesFragmentDoc,
    "\n  query Graph($id: ID!, $said: StatementFilter, $about: StatementFilter, $first: Int!) {\n    entity(id: $id) { __typename id name ...EntityRoles }\n    said: network(filter: $said, first: $first) { ...NetworkEdges }\n    about: network(filter: $about, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n": types.GraphDocument,
    "\n  query Network($filter: StatementFilter, $first: Int!) {\n    network(filter: $filter, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n": types.NetworkDocument,
    "\n  query EdgeStatements($filter: StatementFilter, $first: Int!) {\n    statements(filter: $filter, first: $first) { totalCount nodes { ...StatementFields } }\n  }\n": types.EdgeStatementsDocument,
    "\n  query Home {\n    sources(first: 5) { totalCount nodes { id title publisher publishedAt } }\n    statements(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n    people: statementCounts(filter: { speakerKinds: [PERSON] }, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    mentioned: statementCounts(by: ABOUT, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } ... on Event { name } }\n    }\n    months: statementCounts(by: MONTH, first: 100) { key count }\n  }\n": types.HomeDocument,
    "\n  subscription HomeStatements {\n    statementAdded { ...StatementFields }\n  }\n": types.HomeStatementsDocument,
    "\n  subscription HomeSources {\n    sourceChanged { kind sourceId source { id title publisher publishedAt } }\n  }\n": types.HomeSourcesDocument,
    "\n  query Paths($from: ID!, $to: ID!) {\n    paths(from: $from, to: $to, first: 5) {\n      length\n      nodes { __typename id ... on Entity { name } ... on Event { name } ... on Statement { text } }\n      links { type from { id } to { id } evidence { start end excerpt source { id title } } }\n    }\n  }\n": types.PathsDocument,
    "\n  query Source($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Source {\n        id\n        title\n        publisher\n        publishedAt\n        url\n        text\n        evidence {\n          kind\n          start\n          end\n          excerpt\n          fact {\n            __typename\n            ... on Statement { id kind text speaker { id name } }\n            ... on Event { id name date location }\n            ... on Role { title person { id name } of { id name } }\n            ... on Membership { role member { id name } organisation { id name } }\n            ... on Participation { role entity { id name } event { id name } }\n            ... on Entity { id name }\n          }\n        }\n      }\n    }\n  }\n": types.SourceDocument,
    "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...StatementFields }\n  }\n": types.StatementPageFragmentDoc,
    "\n  fragment NamedNode on Node {\n    __typename\n    id\n    ... on Entity { name }\n    ... on Event { name }\n    ... on Topic { name }\n  }\n": types.NamedNodeFragmentDoc,
    "\n  query Statements(\n    $filter: StatementFilter\n    $first: Int!\n    $speaker: ID!\n    $withSpeaker: Boolean!\n    $about: ID!\n    $withAbout: Boolean!\n    $topic: ID!\n    $withTopic: Boolean!\n  ) {\n    speaker: node(id: $speaker) @include(if: $withSpeaker) { ...NamedNode }\n    about: node(id: $about) @include(if: $withAbout) { ...NamedNode }\n    topic: node(id: $topic) @include(if: $withTopic) { ...NamedNode }\n    statements(filter: $filter, first: $first) { ...StatementPage }\n  }\n": types.StatementsDocument,
    "\n  query StatementsPage($filter: StatementFilter, $first: Int!, $after: String) {\n    statements(filter: $filter, first: $first, after: $after) { ...StatementPage }\n  }\n": types.StatementsPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementFields on Statement {\n    id\n    kind\n    text\n    date\n    attribution\n    speaker { __typename id name }\n    about { __typename id ... on Entity { name } ... on Event { name } }\n    event { id name }\n    topics { id name }\n    evidence { start end excerpt source { id title publisher publishedAt } }\n  }\n"): typeof import('./graphql').StatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($q: String!) {\n    search(query: $q, first: 10) {\n      score\n      snippet\n      node {\n        __typename\n        id\n        ... on Entity { name }\n        ... on Event { name }\n        ... on Statement { text speaker { name } }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceText($id: ID!) {\n    node(id: $id) { __typename ... on Source { text } }\n  }\n"): typeof import('./graphql').SourceTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentFields on DraftDocument {\n    source { id title publisher url publishedAt text }\n    entities { id kind name aliases description existing evidence { start end } }\n    roles { person title of evidence { start end } }\n    memberships { member organisation role evidence { start end } }\n    topics { id name }\n    events {\n      id\n      name\n      kind\n      description\n      date\n      endDate\n      location\n      participants { entity role evidence { start end } }\n      evidence { start end }\n    }\n    statements { ...DraftStatementFields }\n  }\n"): typeof import('./graphql').DocumentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DraftStatementFields on DraftStatement {\n    kind\n    text\n    speaker\n    attribution\n    about\n    event\n    date\n    topics\n    evidence { start end }\n  }\n"): typeof import('./graphql').DraftStatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Draft($input: SourceDraftInput!) {\n    draftSource(input: $input) {\n      document { ...DocumentFields }\n      report { path rule confidence matched }\n      unresolved { ...DraftStatementFields }\n    }\n  }\n"): typeof import('./graphql').DraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceDocument($id: ID!) {\n    node(id: $id) { __typename ... on Source { document { ...DocumentFields } } }\n  }\n"): typeof import('./graphql').SourceDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Validate($doc: SourceDocumentInput!) {\n    validateSource(document: $doc) { valid problems { path message } }\n  }\n"): typeof import('./graphql').ValidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ingest($doc: SourceDocumentInput!) {\n    ingestSource(document: $doc) { source { id title } counts { kind created updated unchanged deleted } }\n  }\n"): typeof import('./graphql').IngestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Delete($id: ID!) {\n    deleteSource(id: $id) { counts { kind created updated unchanged deleted } }\n  }\n"): typeof import('./graphql').DeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sources($first: Int!, $after: String) {\n    sources(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title publisher publishedAt statements(first: 1) { totalCount } entities { id } }\n    }\n  }\n"): typeof import('./graphql').SourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Entity($id: ID!, $said: StatementFilter, $about: StatementFilter) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      aliases\n      description\n      ... on Person { roles { title of { id name } } }\n      ... on Nation { leaders { title person { id name } } memberships { role organisation { id name } } }\n      ... on Organisation { leaders { title person { id name } } members { role member { id name } } }\n      statements(filter: $said, first: 40) { totalCount nodes { ...StatementFields } }\n      mentions(filter: $about, first: 40) { totalCount nodes { ...StatementFields } }\n      speakers: mentions(first: 100) { nodes { speaker { id name } } }\n    }\n    topics { id name }\n  }\n"): typeof import('./graphql').EntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntityCharts($talkers: StatementFilter, $months: StatementFilter) {\n    talkers: statementCounts(filter: $talkers, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    months: statementCounts(filter: $months, by: MONTH, first: 100) { key count }\n  }\n"): typeof import('./graphql').EntityChartsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EntityLive($filter: StatementFilter) {\n    statementAdded(filter: $filter) { ...StatementFields }\n  }\n"): typeof import('./graphql').EntityLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkEdges on Network {\n    edges {\n      count\n      kinds { kind count }\n      from { __typename id name }\n      to { __typename id ... on Entity { name } ... on Event { name } }\n    }\n  }\n"): typeof import('./graphql').NetworkEdgesFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntityRoles on Entity {\n    ... on Person { roles { title of { __typename id name } } }\n    ... on Nation { leaders { title person { __typename id name } } memberships { role organisation { __typename id name } } }\n    ... on Organisation { leaders { title person { __typename id name } } members { role member { __typename id name } } }\n  }\n"): typeof import('./graphql').EntityRolesFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Graph($id: ID!, $said: StatementFilter, $about: StatementFilter, $first: Int!) {\n    entity(id: $id) { __typename id name ...EntityRoles }\n    said: network(filter: $said, first: $first) { ...NetworkEdges }\n    about: network(filter: $about, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n"): typeof import('./graphql').GraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Network($filter: StatementFilter, $first: Int!) {\n    network(filter: $filter, first: $first) { ...NetworkEdges }\n    topics { id name }\n  }\n"): typeof import('./graphql').NetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeStatements($filter: StatementFilter, $first: Int!) {\n    statements(filter: $filter, first: $first) { totalCount nodes { ...StatementFields } }\n  }\n"): typeof import('./graphql').EdgeStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    sources(first: 5) { totalCount nodes { id title publisher publishedAt } }\n    statements(first: 1) { totalCount }\n    entities(first: 1) { totalCount }\n    people: statementCounts(filter: { speakerKinds: [PERSON] }, by: SPEAKER, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } }\n    }\n    mentioned: statementCounts(by: ABOUT, first: 10) {\n      key\n      count\n      node { __typename id ... on Entity { name } ... on Event { name } }\n    }\n    months: statementCounts(by: MONTH, first: 100) { key count }\n  }\n"): typeof import('./graphql').HomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HomeStatements {\n    statementAdded { ...StatementFields }\n  }\n"): typeof import('./graphql').HomeStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HomeSources {\n    sourceChanged { kind sourceId source { id title publisher publishedAt } }\n  }\n"): typeof import('./graphql').HomeSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Paths($from: ID!, $to: ID!) {\n    paths(from: $from, to: $to, first: 5) {\n      length\n      nodes { __typename id ... on Entity { name } ... on Event { name } ... on Statement { text } }\n      links { type from { id } to { id } evidence { start end excerpt source { id title } } }\n    }\n  }\n"): typeof import('./graphql').PathsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Source($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Source {\n        id\n        title\n        publisher\n        publishedAt\n        url\n        text\n        evidence {\n          kind\n          start\n          end\n          excerpt\n          fact {\n            __typename\n            ... on Statement { id kind text speaker { id name } }\n            ... on Event { id name date location }\n            ... on Role { title person { id name } of { id name } }\n            ... on Membership { role member { id name } organisation { id name } }\n            ... on Participation { role entity { id name } event { id name } }\n            ... on Entity { id name }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementPage on StatementConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...StatementFields }\n  }\n"): typeof import('./graphql').StatementPageFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NamedNode on Node {\n    __typename\n    id\n    ... on Entity { name }\n    ... on Event { name }\n    ... on Topic { name }\n  }\n"): typeof import('./graphql').NamedNodeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Statements(\n    $filter: StatementFilter\n    $first: Int!\n    $speaker: ID!\n    $withSpeaker: Boolean!\n    $about: ID!\n    $withAbout: Boolean!\n    $topic: ID!\n    $withTopic: Boolean!\n  ) {\n    speaker: node(id: $speaker) @include(if: $withSpeaker) { ...NamedNode }\n    about: node(id: $about) @include(if: $withAbout) { ...NamedNode }\n    topic: node(id: $topic) @include(if: $withTopic) { ...NamedNode }\n    statements(filter: $filter, first: $first) { ...StatementPage }\n  }\n"): typeof import('./graphql').StatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementsPage($filter: StatementFilter, $first: Int!, $after: String) {\n    statements(filter: $filter, first: $first, after: $after) { ...StatementPage }\n  }\n"): typeof import('./graphql').StatementsPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
