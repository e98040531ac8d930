import type { z } from 'zod';
import { isIsoDay } from '../model/dates.ts';
import { NodeInputSchema, ProvenanceSchema, RelationshipInputSchema, type NodeInputParsed, type RelationshipInputParsed } from '../model/schemas.ts';
import { KINDS_BY_LABEL, LEVELS, NODE_LABELS, PARTICIPATION_ROLES, RELATIONSHIP_TYPES, type NodeLabel } from '../model/vocabulary.ts';

// A precompiled check for the common shape of node and relationship inputs,
// so a bulk import of a million rows does not pay for the generic zod walk.
// It either returns exactly what `Schema.parse(input)` would (same values,
// same key order, fresh objects) or null, and the caller then runs zod,
// which produces the result or the error messages. It never decides that an
// input is invalid: any doubt → null. Fields it does not hand-check are
// parsed with their own zod field schema, as zod's object parser would.

const FAIL = Symbol('fail');
const ABSENT = Symbol('absent');
type Out = unknown | typeof FAIL | typeof ABSENT;
type Field = (input: Record<string, unknown>, key: string) => Out;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const CURRENCY = /^[A-Z]{3}$/;
const LABELS: ReadonlySet<unknown> = new Set(NODE_LABELS);
const LEVEL_SET: ReadonlySet<unknown> = new Set(LEVELS);
const TYPES: ReadonlySet<unknown> = new Set(RELATIONSHIP_TYPES);
const ROLES: ReadonlySet<unknown> = new Set(PARTICIPATION_ROLES);
const KINDS = new Map<string, ReadonlySet<string>>(Object.entries(KINDS_BY_LABEL).map(([label, kinds]) => [label, new Set(kinds)]));

/** Own, ordinary data object (what JSON.parse, CSV readers and literals give). */
function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

// ----------------------------------------------------------- scalar checks

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200 && ID.test(v);
/** NoNul(max): a string of at most `max` UTF-16 units without NUL. */
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && !v.includes('\u0000');
const isDay = (v: unknown): v is string => typeof v === 'string' && isIsoDay(v);

/** NoNul(max).trim().min(1): checked before trimming, output trimmed. */
function trimmedText(v: unknown, max: number): string | typeof FAIL {
  if (!isText(v, max)) return FAIL;
  const t = v.trim();
  return t.length >= 1 ? t : FAIL;
}

/** `.optional()`: absent → nothing; present (even as undefined) → assigned. */
function optional(check: (v: unknown) => boolean): Field {
  return (input, key) => {
    if (!(key in input)) return ABSENT;
    const v = input[key];
    return v === undefined || check(v) ? v : FAIL;
  };
}

function required(check: (v: unknown) => boolean): Field {
  return (input, key) => {
    const v = input[key];
    return key in input && check(v) ? v : FAIL;
  };
}

/** `z.array(item).max(max).default([])` with items mapped to their parsed value. */
function defaultedArray(max: number, item: (v: unknown) => unknown | typeof FAIL): Field {
  return (input, key) => {
    const v = input[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.length > max) return FAIL;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const parsed = item(v[i]);
      if (parsed === FAIL) return FAIL;
      out[i] = parsed;
    }
    return out;
  };
}

/** Any other field: its own zod schema, with zod's rules for absent/optional/defaulted keys. */
function viaZod(schema: z.ZodType): Field {
  const { optin, optout } = (schema as unknown as { _zod: { optin?: string; optout?: string } })._zod;
  return (input, key) => {
    const present = key in input;
    if (!present && optin === 'optional' && optout === 'optional') return ABSENT;
    if (!present && optin === undefined) return FAIL;
    const result = schema.safeParse(input[key]);
    if (!result.success) return FAIL;
    if (result.data !== undefined || present || optin === 'defaulted') return result.data;
    return ABSENT;
  };
}

/** A defaulted field whose default is a fresh `{}` (zod clones defaults), else its zod schema. */
function emptyObjectOrZod(schema: z.ZodType): Field {
  const field = viaZod(schema);
  return (input, key) => (input[key] === undefined ? {} : field(input, key));
}

/** Builds a strict-object parser: known keys in schema order, unknown keys → FAIL. */
function objectParser(shape: Record<string, z.ZodType>, handFields: Record<string, Field>): (input: unknown) => Record<string, unknown> | null {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const fields = keys.map((key) => [key, handFields[key] ?? viaZod(shape[key])] as const);
  return (input) => {
    if (!isPlain(input)) return null;
    for (const key in input) if (!known.has(key)) return null;
    const out: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const v = field(input, key);
      if (v === FAIL) return null;
      if (v !== ABSENT) out[key] = v;
    }
    return out;
  };
}

// --------------------------------------------------------------- provenance

const provenanceShapeKeys = new Set(['source', 'url', 'quote', 'confidence', 'note', 'addedBy', 'addedAt']);
const urlField = viaZod(ProvenanceSchema.shape.url);

/** ProvenanceSchema (a stripping object): source, url?, quote?, confidence=1, note?, addedBy='system', addedAt?. */
function provenanceEntry(p: unknown): Record<string, unknown> | typeof FAIL {
  if (!isPlain(p)) return FAIL;
  // Unknown keys are stripped by zod, but let zod decide anything unusual.
  for (const key in p) if (!provenanceShapeKeys.has(key)) return FAIL;
  const { source } = p;
  if (!isText(source, 500) || source.length < 1) return FAIL;
  const out: Record<string, unknown> = { source };
  if ('url' in p) {
    const url = urlField(p, 'url');
    if (url === FAIL) return FAIL;
    out.url = url;
  }
  if ('quote' in p) {
    if (p.quote !== undefined && !isText(p.quote, 5000)) return FAIL;
    out.quote = p.quote;
  }
  const confidence = p.confidence;
  if (confidence === undefined) out.confidence = 1;
  else if (typeof confidence === 'number' && confidence >= 0 && confidence <= 1) out.confidence = confidence;
  else return FAIL;
  if ('note' in p) {
    if (p.note !== undefined && !isText(p.note, 2000)) return FAIL;
    out.note = p.note;
  }
  const addedBy = p.addedBy;
  if (addedBy === undefined) out.addedBy = 'system';
  else if (isText(addedBy, 200)) out.addedBy = addedBy;
  else return FAIL;
  if ('addedAt' in p) {
    if (p.addedAt !== undefined && !(typeof p.addedAt === 'string' && p.addedAt.length <= 40)) return FAIL;
    out.addedAt = p.addedAt;
  }
  return out;
}

const provenanceField = defaultedArray(200, provenanceEntry);

// -------------------------------------------------------------------- nodes

const parseNodeShape = objectParser(NodeInputSchema.shape as unknown as Record<string, z.ZodType>, {
  id: optional(isId),
  label: required((v) => LABELS.has(v)),
  name: (input) => ('name' in input ? trimmedText(input.name, 500) : FAIL),
  description: optional((v) => isText(v, 20_000)),
  kind: optional((v) => typeof v === 'string' && v.length <= 50),
  level: optional((v) => LEVEL_SET.has(v)),
  tags: defaultedArray(200, (v) => trimmedText(v, 100)),
  aliases: defaultedArray(50, (v) => trimmedText(v, 500)),
  provenance: provenanceField,
  validFrom: optional(isDay),
  validTo: optional(isDay),
  startDate: optional(isDay),
  endDate: optional(isDay),
  date: optional(isDay),
  properties: emptyObjectOrZod(NodeInputSchema.shape.properties as unknown as z.ZodType),
});

/** `NodeInputSchema.parse(input)` for common inputs, or null (then use zod). */
export function fastNodeInput(input: unknown): NodeInputParsed | null {
  const out = parseNodeShape(input) as NodeInputParsed | null;
  if (!out) return null;
  // NodeInputSchema's superRefine: leave the messages to zod.
  if (out.kind !== undefined && !KINDS.get(out.label as NodeLabel)!.has(out.kind)) return null;
  if (out.validFrom && out.validTo && out.validTo < out.validFrom) return null;
  return out;
}

// ------------------------------------------------------------ relationships

const KNOWN_PROPERTIES = new Set(['role', 'amount', 'currency', 'weight']);

/** RelationshipPropertiesSchema for flat values (strings, numbers, booleans, null). */
function relationshipProperties(input: Record<string, unknown>): Out {
  const p = input.properties;
  if (p === undefined) return {};
  if (!isPlain(p)) return FAIL;
  const out: Record<string, unknown> = {};
  if ('role' in p) {
    if (p.role !== undefined && !ROLES.has(p.role)) return FAIL;
    out.role = p.role;
  }
  if ('amount' in p) {
    if (p.amount !== undefined && !(typeof p.amount === 'number' && Number.isFinite(p.amount) && p.amount >= 0)) return FAIL;
    out.amount = p.amount;
  }
  if ('currency' in p) {
    if (p.currency !== undefined && !(typeof p.currency === 'string' && CURRENCY.test(p.currency))) return FAIL;
    out.currency = p.currency;
  }
  if ('weight' in p) {
    if (p.weight !== undefined && !(typeof p.weight === 'number' && Number.isFinite(p.weight) && p.weight > 0)) return FAIL;
    out.weight = p.weight;
  }
  let count = 0;
  for (const key in p) {
    count++;
    if (KNOWN_PROPERTIES.has(key)) continue;
    if (key === '__proto__') return FAIL;
    const v = p[key];
    const flat = v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || isText(v, 10_000);
    if (!flat) return FAIL;
    out[key] = v;
  }
  if (count !== Object.keys(out).length || count > 200) return FAIL;
  return out;
}

const parseRelationshipShape = objectParser(RelationshipInputSchema.shape as unknown as Record<string, z.ZodType>, {
  id: optional(isId),
  type: required((v) => TYPES.has(v)),
  from: required(isId),
  to: required(isId),
  properties: relationshipProperties,
  provenance: provenanceField,
  validFrom: optional(isDay),
  validTo: optional(isDay),
});

/** `RelationshipInputSchema.parse(input)` for common inputs, or null (then use zod). */
export function fastRelationshipInput(input: unknown): RelationshipInputParsed | null {
  const out = parseRelationshipShape(input) as RelationshipInputParsed | null;
  if (!out) return null;
  // RelationshipInputSchema's superRefine: leave the messages to zod.
  if (out.validFrom && out.validTo && out.validTo < out.validFrom) return null;
  if (out.from === out.to) return null;
  return out;
}
