// The bad-input corpus: one row per hostile or broken request. Every row must
// get a 4xx application/problem+json answer (naming the field in `errors[]`
// when `field` is given) and leave the store exactly as it was. The runner
// (runner.ts) plays the table against each store.

export type Who = 'anonymous' | 'viewer' | 'editor' | 'admin' | 'forged' | 'malformed';

export interface BadCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  who?: Who;
  /** A JSON value (sent as application/json) … */
  json?: unknown;
  /** … or raw bytes with their own content type. */
  raw?: string | Buffer;
  contentType?: string;
  status: number;
  /** A path expected among `errors[].path` (prefix match: `provenance` matches `provenance.0.confidence`). */
  field?: string;
}

/** Ids the runner creates before the corpus runs (see runner.ts). */
export const FIXTURE = {
  a: 'bi-actor-a',
  b: 'bi-actor-b',
  project: 'bi-project',
  topic: 'bi-topic',
  rel: 'bi-rel',
} as const;

export const CYPHER = "x'}) DETACH DELETE n //";
const CYPHER_Q = encodeURIComponent(CYPHER);

const actor = (extra: Record<string, unknown> = {}) => ({ id: 'bi-new', label: 'Actor', name: 'New actor', kind: 'lab', level: 'local', ...extra });
const rel = (extra: Record<string, unknown> = {}) => ({ type: 'COLLABORATES_WITH', from: FIXTURE.a, to: FIXTURE.b, ...extra });
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

export const BAD_CASES: BadCase[] = [
  // --- malformed bodies
  { name: 'malformed JSON', method: 'POST', path: '/api/nodes', raw: '{"label": "Actor",', contentType: 'application/json', status: 400, field: 'body' },
  { name: 'JSON with a trailing comma', method: 'POST', path: '/api/nodes', raw: '{"label":"Actor","name":"x",}', contentType: 'application/json', status: 400, field: 'body' },
  { name: 'a bare JSON string', method: 'POST', path: '/api/nodes', raw: '"Actor"', contentType: 'application/json', status: 400, field: 'body' },
  { name: 'a JSON array instead of an object', method: 'POST', path: '/api/nodes', json: [actor()], status: 400 },
  { name: 'JSON null', method: 'POST', path: '/api/nodes', raw: 'null', contentType: 'application/json', status: 400 },
  { name: 'an empty body', method: 'POST', path: '/api/nodes', raw: '', contentType: 'application/json', status: 400 },
  { name: 'JSON sent as text/plain', method: 'POST', path: '/api/nodes', raw: JSON.stringify(actor()), contentType: 'text/plain', status: 400 },
  { name: 'a latin1 charset', method: 'POST', path: '/api/nodes', raw: JSON.stringify(actor()), contentType: 'application/json; charset=latin1', status: 415 },
  { name: 'invalid UTF-8 in a name', method: 'POST', path: '/api/nodes', raw: bytes('{"id":"bi-utf8","label":"Actor","name":"', [0xff, 0xfe, 0xc3], '"}'), contentType: 'application/json', status: 400, field: 'body' },
  { name: 'an overlong UTF-8 encoding of "/"', method: 'POST', path: '/api/nodes', raw: bytes('{"id":"bi-utf8","label":"Actor","name":"a', [0xc0, 0xaf], '"}'), contentType: 'application/json', status: 400, field: 'body' },
  { name: 'properties nested 10 000 deep', method: 'POST', path: '/api/nodes', raw: `{"id":"bi-deep","label":"Actor","name":"Deep","properties":{"x":${deep(10_000)}}}`, contentType: 'application/json', status: 400, field: 'body' },
  { name: 'a body over 1 MB', method: 'POST', path: '/api/nodes', json: actor({ description: 'x'.repeat(1_100_000) }), status: 413 },
  { name: 'a relationship body over 1 MB', method: 'POST', path: '/api/relationships', json: rel({ properties: { note: 'y'.repeat(1_500_000) } }), status: 413 },

  // --- wrong types and values in nodes
  { name: 'name is a number', method: 'POST', path: '/api/nodes', json: actor({ name: 123 }), status: 400, field: 'name' },
  { name: 'name missing', method: 'POST', path: '/api/nodes', json: { id: 'bi-new', label: 'Actor' }, status: 400, field: 'name' },
  { name: 'name only whitespace', method: 'POST', path: '/api/nodes', json: actor({ name: '   ' }), status: 400, field: 'name' },
  { name: 'name with a NUL byte', method: 'POST', path: '/api/nodes', json: actor({ name: 'Las\u0000Naves' }), status: 400, field: 'name' },
  { name: 'name of 600 characters', method: 'POST', path: '/api/nodes', json: actor({ name: 'n'.repeat(600) }), status: 400, field: 'name' },
  { name: 'description of 20 001 characters', method: 'POST', path: '/api/nodes', json: actor({ description: 'd'.repeat(20_001) }), status: 400, field: 'description' },
  { name: 'unknown label', method: 'POST', path: '/api/nodes', json: actor({ label: 'Organisation' }), status: 400, field: 'label' },
  { name: 'Cypher in the label', method: 'POST', path: '/api/nodes', json: actor({ label: 'Actor:Admin`) DETACH DELETE n //' }), status: 400, field: 'label' },
  { name: 'kind not allowed for the label', method: 'POST', path: '/api/nodes', json: actor({ kind: 'spaceship' }), status: 400, field: 'kind' },
  { name: 'unknown level', method: 'POST', path: '/api/nodes', json: actor({ level: 'galactic' }), status: 400, field: 'level' },
  { name: 'tags as a string', method: 'POST', path: '/api/nodes', json: actor({ tags: 'a;b' }), status: 400, field: 'tags' },
  { name: '100 000 tags', method: 'POST', path: '/api/nodes', json: actor({ tags: Array.from({ length: 100_000 }, (_, i) => `t${i % 10}`) }), status: 400, field: 'tags' },
  { name: 'a tag with a NUL byte', method: 'POST', path: '/api/nodes', json: actor({ tags: ['ok', 'bad\u0000'] }), status: 400, field: 'tags.1' },
  { name: '51 aliases', method: 'POST', path: '/api/nodes', json: actor({ aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) }), status: 400, field: 'aliases' },
  { name: 'latitude as a string', method: 'POST', path: '/api/nodes', json: actor({ lat: '39.47' }), status: 400, field: 'lat' },
  { name: 'latitude out of range', method: 'POST', path: '/api/nodes', json: actor({ lat: 200 }), status: 400, field: 'lat' },
  { name: 'impossible validFrom date', method: 'POST', path: '/api/nodes', json: actor({ validFrom: '2021-02-30' }), status: 400, field: 'validFrom' },
  { name: 'validFrom in another format', method: 'POST', path: '/api/nodes', json: actor({ validFrom: '01/02/2021' }), status: 400, field: 'validFrom' },
  { name: 'reversed validity dates', method: 'POST', path: '/api/nodes', json: actor({ validFrom: '2022-01-01', validTo: '2021-01-01' }), status: 400, field: 'validTo' },
  { name: 'consent as a string', method: 'POST', path: '/api/nodes', json: { id: 'bi-person', label: 'Person', name: 'P', consent: 'yes' }, status: 400, field: 'consent' },
  { name: 'a malformed email', method: 'POST', path: '/api/nodes', json: { id: 'bi-person', label: 'Person', name: 'P', email: 'not-an-email' }, status: 400, field: 'email' },
  { name: 'a javascript: website', method: 'POST', path: '/api/nodes', json: actor({ website: 'javascript:alert(document.cookie)' }), status: 400, field: 'website' },
  { name: 'a data: provenance url', method: 'POST', path: '/api/nodes', json: actor({ provenance: [{ source: 'x', url: 'data:text/html,<script>alert(1)</script>' }] }), status: 400, field: 'provenance.0.url' },
  { name: 'provenance confidence above 1', method: 'POST', path: '/api/nodes', json: actor({ provenance: [{ source: 'doc.txt', confidence: 2 }] }), status: 400, field: 'provenance.0.confidence' },
  { name: 'provenance as a string', method: 'POST', path: '/api/nodes', json: actor({ provenance: 'doc.txt' }), status: 400, field: 'provenance' },
  { name: 'a negative budget', method: 'POST', path: '/api/nodes', json: { id: 'bi-proj', label: 'Project', name: 'P', budget: { amount: -5 } }, status: 400, field: 'budget.amount' },
  { name: '201 properties', method: 'POST', path: '/api/nodes', json: actor({ properties: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`p${i}`, i])) }), status: 400, field: 'properties' },
  { name: 'a property value with a NUL byte', method: 'POST', path: '/api/nodes', json: actor({ properties: { note: 'a\u0000b' } }), status: 400, field: 'properties.note' },
  { name: 'an unknown top-level field', method: 'POST', path: '/api/nodes', json: actor({ isAdmin: true }), status: 400 },
  { name: 'a duplicate id', method: 'POST', path: '/api/nodes', json: actor({ id: FIXTURE.a }), status: 409 },

  // --- ids
  { name: 'a path-traversal id', method: 'POST', path: '/api/nodes', json: actor({ id: '../../etc/passwd' }), status: 400, field: 'id' },
  { name: 'a unicode id', method: 'POST', path: '/api/nodes', json: actor({ id: 'café-ñandú' }), status: 400, field: 'id' },
  { name: 'a right-to-left override in an id', method: 'POST', path: '/api/nodes', json: actor({ id: 'abc\u202Egpj.exe' }), status: 400, field: 'id' },
  { name: 'Cypher in an id', method: 'POST', path: '/api/nodes', json: actor({ id: CYPHER }), status: 400, field: 'id' },
  { name: 'an id of 201 characters', method: 'POST', path: '/api/nodes', json: actor({ id: 'i'.repeat(201) }), status: 400, field: 'id' },
  { name: 'an encoded path traversal in the URL', method: 'GET', path: '/api/nodes/..%2F..%2Fetc%2Fpasswd', status: 400, field: 'id' },
  { name: 'invalid UTF-8 in the URL', method: 'GET', path: '/api/nodes/%FF%FE', status: 400 },
  { name: 'Cypher in a URL id', method: 'DELETE', path: `/api/nodes/${CYPHER_Q}`, who: 'editor', status: 400, field: 'id' },
  { name: 'an unknown node', method: 'GET', path: '/api/nodes/bi-nope', status: 404 },

  // --- relationships
  { name: 'unknown relationship type', method: 'POST', path: '/api/relationships', json: rel({ type: 'KNOWS' }), status: 400, field: 'type' },
  { name: 'Cypher in the relationship type', method: 'POST', path: '/api/relationships', json: rel({ type: 'FUNDS]->() DETACH DELETE n //' }), status: 400, field: 'type' },
  { name: 'a dangling from end', method: 'POST', path: '/api/relationships', json: rel({ from: 'bi-nope' }), status: 400, field: 'from' },
  { name: 'a dangling to end', method: 'POST', path: '/api/relationships', json: rel({ to: 'bi-nope' }), status: 400, field: 'to' },
  { name: 'Cypher in the from end', method: 'POST', path: '/api/relationships', json: rel({ from: CYPHER }), status: 400, field: 'from' },
  { name: 'a self loop', method: 'POST', path: '/api/relationships', json: rel({ to: FIXTURE.a }), status: 400, field: 'to' },
  { name: 'an endpoint rule broken (ABOUT from an Actor)', method: 'POST', path: '/api/relationships', json: { type: 'ABOUT', from: FIXTURE.a, to: FIXTURE.topic }, status: 400 },
  { name: 'an unknown participation role', method: 'POST', path: '/api/relationships', json: { type: 'PARTICIPATES_IN', from: FIXTURE.a, to: FIXTURE.project, properties: { role: 'boss' } }, status: 400, field: 'properties.role' },
  { name: 'a negative weight', method: 'POST', path: '/api/relationships', json: rel({ properties: { weight: -1 } }), status: 400, field: 'properties.weight' },
  { name: 'reversed relationship dates', method: 'POST', path: '/api/relationships', json: rel({ validFrom: '2020-05-01', validTo: '2020-04-30' }), status: 400, field: 'validTo' },
  { name: 'a duplicate relationship id', method: 'POST', path: '/api/relationships', json: rel({ id: FIXTURE.rel, from: FIXTURE.b, to: FIXTURE.a }), status: 409 },

  // --- updates and deletes
  { name: 'changing a label', method: 'PATCH', path: `/api/nodes/${FIXTURE.a}`, json: { label: 'Topic' }, status: 400 },
  { name: 'emptying a name', method: 'PATCH', path: `/api/nodes/${FIXTURE.a}`, json: { name: '' }, status: 400, field: 'name' },
  { name: 'nulling a name', method: 'PATCH', path: `/api/nodes/${FIXTURE.a}`, json: { name: null }, status: 400, field: 'name' },
  { name: 'a patch making dates reversed', method: 'PATCH', path: `/api/nodes/${FIXTURE.b}`, json: { validFrom: '2030-01-01' }, status: 400, field: 'validTo' },
  { name: 'patching an unknown node', method: 'PATCH', path: '/api/nodes/bi-nope', json: { description: 'x' }, status: 404 },
  { name: 'changing a relationship type', method: 'PATCH', path: `/api/relationships/${FIXTURE.rel}`, json: { type: 'FUNDS' }, status: 400 },
  { name: 'moving a relationship end', method: 'PATCH', path: `/api/relationships/${FIXTURE.rel}`, json: { to: FIXTURE.project }, status: 400 },
  { name: 'deleting a connected node without detach', method: 'DELETE', path: `/api/nodes/${FIXTURE.a}`, status: 409 },
  { name: 'detach given as a word', method: 'DELETE', path: `/api/nodes/${FIXTURE.a}?detach=please`, status: 400, field: 'detach' },
  { name: 'deleting an unknown relationship', method: 'DELETE', path: '/api/relationships/bi-nope', status: 404 },

  // --- query parameters
  { name: 'limit 10^9', method: 'GET', path: '/api/nodes?limit=1000000000', status: 400, field: 'limit' },
  { name: 'a negative limit', method: 'GET', path: '/api/nodes?limit=-1', status: 400, field: 'limit' },
  { name: 'a limit that is not a number', method: 'GET', path: '/api/nodes?limit=ten', status: 400, field: 'limit' },
  { name: 'a repeated limit', method: 'GET', path: '/api/nodes?limit=1&limit=2', status: 400, field: 'limit' },
  { name: 'a forged cursor', method: 'GET', path: `/api/nodes?cursor=${CYPHER_Q}`, status: 400, field: 'cursor' },
  { name: 'an unknown label filter', method: 'GET', path: '/api/nodes?label=Organisation', status: 400, field: 'label' },
  { name: 'Cypher in the level filter', method: 'GET', path: `/api/nodes?level=${CYPHER_Q}`, status: 400, field: 'level' },
  { name: 'Cypher in the kind filter', method: 'GET', path: `/api/nodes?kind=${CYPHER_Q}`, status: 400, field: 'kind' },
  { name: 'Cypher in the topics filter', method: 'GET', path: `/api/nodes?topics=${CYPHER_Q}`, status: 400, field: 'topics' },
  { name: 'an impossible at date', method: 'GET', path: '/api/nodes?at=2021-13-01', status: 400, field: 'at' },
  { name: 'a q of 201 characters', method: 'GET', path: `/api/nodes?q=${'q'.repeat(201)}`, status: 400, field: 'q' },
  { name: 'an unknown relationship type filter', method: 'GET', path: '/api/relationships?type=KNOWS', status: 400, field: 'type' },
  { name: 'Cypher in the relationship from filter', method: 'GET', path: `/api/relationships?from=${CYPHER_Q}`, status: 400, field: 'from' },
  { name: 'depth 99', method: 'GET', path: `/api/nodes/${FIXTURE.a}/neighbourhood?depth=99`, status: 400, field: 'depth' },
  { name: 'depth 0', method: 'GET', path: `/api/nodes/${FIXTURE.a}/neighbourhood?depth=0`, status: 400, field: 'depth' },
  { name: 'Cypher in the neighbourhood types', method: 'GET', path: `/api/nodes/${FIXTURE.a}/neighbourhood?types=${CYPHER_Q}`, status: 400, field: 'types' },
  { name: 'k of 1000 paths', method: 'GET', path: `/api/paths?from=${FIXTURE.a}&to=${FIXTURE.b}&k=1000`, status: 400, field: 'k' },
  { name: 'a path without a to', method: 'GET', path: `/api/paths?from=${FIXTURE.a}`, status: 400, field: 'to' },
  { name: 'Cypher in a path end', method: 'GET', path: `/api/paths?from=${FIXTURE.a}&to=${CYPHER_Q}`, status: 400, field: 'to' },
  { name: 'an empty search', method: 'GET', path: '/api/search?q=', status: 400, field: 'q' },
  { name: 'a huge search', method: 'GET', path: `/api/search?q=${'s'.repeat(5000)}`, status: 400, field: 'q' },
  { name: 'a search limit of 10^9', method: 'GET', path: '/api/search?q=lab&limit=1000000000', status: 400, field: 'limit' },
  { name: 'changes since a word', method: 'GET', path: '/api/changes?since=yesterday', status: 400, field: 'since' },
  { name: 'changes with limit 10^9', method: 'GET', path: '/api/changes?limit=1000000000', status: 400, field: 'limit' },
  { name: 'changes for a path-like id', method: 'GET', path: '/api/changes?id=..%2Fetc', status: 400, field: 'id' },
  { name: 'a reversed diff window', method: 'GET', path: '/api/diff?from=2022-01-01&to=2021-01-01', status: 400, field: 'to' },
  { name: 'Cypher in a diff date', method: 'GET', path: `/api/diff?from=${CYPHER_Q}&to=2021-01-01`, status: 400, field: 'from' },
  { name: 'an unknown export format', method: 'GET', path: '/api/export?format=exe', status: 400, field: 'format' },

  // --- authentication and roles
  { name: 'a write without a token', method: 'POST', path: '/api/nodes', who: 'anonymous', json: actor(), status: 401 },
  { name: 'a write with a forged token', method: 'POST', path: '/api/nodes', who: 'forged', json: actor(), status: 401 },
  { name: 'a write with a malformed Authorization header', method: 'POST', path: '/api/nodes', who: 'malformed', json: actor(), status: 401 },
  { name: 'a read with a forged token', method: 'GET', path: '/api/nodes', who: 'forged', status: 401 },
  { name: 'a viewer creating a node', method: 'POST', path: '/api/nodes', who: 'viewer', json: actor(), status: 403 },
  { name: 'a viewer updating a node', method: 'PATCH', path: `/api/nodes/${FIXTURE.a}`, who: 'viewer', json: { description: 'mine now' }, status: 403 },
  { name: 'a viewer deleting a relationship', method: 'DELETE', path: `/api/relationships/${FIXTURE.rel}`, who: 'viewer', status: 403 },
  { name: 'a viewer importing', method: 'POST', path: '/api/import?format=json', who: 'viewer', json: { nodes: [actor()], relationships: [] }, status: 403 },
  { name: 'an editor creating an admin token', method: 'POST', path: '/api/tokens', who: 'editor', json: { name: 'me', role: 'admin' }, status: 403 },
  { name: 'an admin asking for an unknown role', method: 'POST', path: '/api/tokens', who: 'admin', json: { name: 'x', role: 'root' }, status: 400, field: 'role' },
];
