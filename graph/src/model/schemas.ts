import { z } from 'zod';
import { isIsoDay } from './dates.ts';
import {
  KINDS_BY_LABEL,
  LEVELS,
  NODE_LABELS,
  PARTICIPATION_ROLES,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
} from './vocabulary.ts';

// ---------------------------------------------------------------------------
// Scalars

/** Ids are stable strings: slugs, UUIDs or source ids such as `h2020-org-123`. */
export const IdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'id must start with a letter or digit and use only letters, digits, _ . : -');

/** A calendar day (YYYY-MM-DD) as used by validFrom/validTo and `at`. */
export const IsoDaySchema = z.string().refine(isIsoDay, 'must be a real date written YYYY-MM-DD');

const NoNul = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** Links shown in the web app: http(s) only, so a `javascript:` or `data:` URL can never become a clickable link. */
export const WebUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

export const NameSchema = NoNul(500).trim().min(1, 'name is required');
export const TagSchema = NoNul(100).trim().min(1);

/** JSON values allowed in free-form `properties` (extra import columns…). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([NoNul(10_000), z.number().finite(), z.boolean(), z.null(), z.array(JsonValueSchema).max(1000), z.record(z.string().max(200), JsonValueSchema)]),
);
export const PropertiesSchema = z
  .record(z.string().min(1).max(200), JsonValueSchema)
  .refine((r) => Object.keys(r).length <= 200, 'at most 200 properties');

// ---------------------------------------------------------------------------
// Provenance: where a fact comes from.

export const ProvenanceSchema = z.object({
  /** A document name such as `000_ccda06195d9218de.txt`, an import file, or "manual edit". */
  source: NoNul(500).min(1),
  url: WebUrlSchema.optional(),
  /** A short verbatim quote from the source. */
  quote: NoNul(5000).optional(),
  confidence: z.number().min(0).max(1).default(1),
  /** Why an inferred fact is believed (for confidence < 1). */
  note: NoNul(2000).optional(),
  addedBy: NoNul(200).default('system'),
  addedAt: z.string().max(40).optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

// ---------------------------------------------------------------------------
// Label-specific structured fields.

export const PlaceRefSchema = z.object({
  municipality: NoNul(200).optional(),
  province: NoNul(200).optional(),
  region: NoNul(200).optional(),
  country: NoNul(100).optional(),
  /** INE code of the municipality (5 digits), province (2) or region (2). */
  ineCode: z.string().regex(/^\d{2}(\d{3})?$/).optional(),
  provinceCode: z.string().regex(/^\d{2}$/).optional(),
  regionCode: z.string().regex(/^\d{2}$/).optional(),
});
export type PlaceRef = z.infer<typeof PlaceRefSchema>;

export const BudgetSchema = z.object({
  amount: z.number().finite().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** e.g. "year", "total", "2023-2027". */
  period: NoNul(100).optional(),
});

const Lat = z.number().min(-90).max(90);
const Lon = z.number().min(-180).max(180);

/** Fields any node may carry; label-specific ones are optional on every label so imports stay simple. */
const nodeFields = {
  id: IdSchema,
  label: z.enum(NODE_LABELS),
  name: NameSchema,
  description: NoNul(20_000).optional(),
  kind: z.string().max(50).optional(),
  level: z.enum(LEVELS).optional(),
  tags: z.array(TagSchema).max(200).default([]),
  /** Other names of the same thing (València / Valencia, Elx / Elche); all searchable. */
  aliases: z.array(NoNul(500).trim().min(1)).max(50).default([]),
  provenance: z.array(ProvenanceSchema).max(200).default([]),
  validFrom: IsoDaySchema.optional(),
  validTo: IsoDaySchema.optional(),
  // Actor / Event / Place
  place: PlaceRefSchema.optional(),
  lat: Lat.optional(),
  lon: Lon.optional(),
  website: WebUrlSchema.optional(),
  // Place
  code: z.string().max(20).optional(),
  // Project
  status: NoNul(100).optional(),
  budget: BudgetSchema.optional(),
  startDate: IsoDaySchema.optional(),
  endDate: IsoDaySchema.optional(),
  // Practice
  summary: NoNul(20_000).optional(),
  methods: z.array(NoNul(200)).max(100).optional(),
  outcomes: NoNul(20_000).optional(),
  transferable: z.boolean().optional(),
  // Event
  date: IsoDaySchema.optional(),
  // Person (personal data; see consent)
  role: NoNul(300).optional(),
  affiliation: NoNul(300).optional(),
  consent: z.boolean().optional(),
  email: z.email().max(300).optional(),
  /** Extra columns of an import, kept as they came. */
  properties: PropertiesSchema.default({}),
};

function checkNode(node: { label: NodeLabel; kind?: string; validFrom?: string; validTo?: string }, ctx: z.RefinementCtx) {
  if (node.kind !== undefined && !KINDS_BY_LABEL[node.label].includes(node.kind)) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: `kind "${node.kind}" is not one of ${KINDS_BY_LABEL[node.label].join(', ')} for ${node.label}`,
    });
  }
  if (node.validFrom && node.validTo && node.validTo < node.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
  }
}

/** What a client sends to create a node (id optional: the store makes one from the name). */
export const NodeInputSchema = z
  .object({ ...nodeFields, id: IdSchema.optional() })
  .strict()
  .superRefine(checkNode);
export type NodeInput = z.input<typeof NodeInputSchema>;
export type NodeInputParsed = z.output<typeof NodeInputSchema>;

/** A partial update; `null` clears an optional field. The label cannot change. */
const patchable = Object.fromEntries(
  Object.entries(nodeFields)
    .filter(([k]) => k !== 'id' && k !== 'label')
    // Defaults are unwrapped: a PATCH that omits `tags` must leave them alone, not reset them to [].
    .map(([k, v]) => [k, v instanceof z.ZodDefault ? (v.unwrap() as z.ZodTypeAny) : (v as z.ZodTypeAny)])
    .map(([k, v]) => [k, k === 'name' ? (v as z.ZodTypeAny).optional() : (v as z.ZodTypeAny).nullable().optional()]),
) as { [K in Exclude<keyof typeof nodeFields, 'id' | 'label'>]: z.ZodOptional<z.ZodNullable<(typeof nodeFields)[K]>> };
export const NodePatchSchema = z.object(patchable).strict();
export type NodePatch = z.input<typeof NodePatchSchema>;

/** A stored node. */
export const GraphNodeSchema = z.object({
  ...nodeFields,
  kind: z.string().max(50),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GraphNode = z.output<typeof GraphNodeSchema>;

// ---------------------------------------------------------------------------
// Relationships

export const RelationshipPropertiesSchema = z
  .object({
    role: z.enum(PARTICIPATION_ROLES).optional(),
    amount: z.number().finite().nonnegative().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    weight: z.number().finite().positive().optional(),
  })
  .catchall(JsonValueSchema)
  .refine((r) => Object.keys(r).length <= 200, 'at most 200 properties');

const relationshipFields = {
  id: IdSchema,
  type: z.enum(RELATIONSHIP_TYPES),
  from: IdSchema,
  to: IdSchema,
  properties: RelationshipPropertiesSchema.default({}),
  provenance: z.array(ProvenanceSchema).max(200).default([]),
  validFrom: IsoDaySchema.optional(),
  validTo: IsoDaySchema.optional(),
};

function checkRelationship(rel: { validFrom?: string; validTo?: string; from: string; to: string; type: string }, ctx: z.RefinementCtx) {
  if (rel.validFrom && rel.validTo && rel.validTo < rel.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
  }
  if (rel.from === rel.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'a relationship cannot join a node to itself' });
  }
}

export const RelationshipInputSchema = z
  .object({ ...relationshipFields, id: IdSchema.optional() })
  .strict()
  .superRefine(checkRelationship);
export type RelationshipInput = z.input<typeof RelationshipInputSchema>;
export type RelationshipInputParsed = z.output<typeof RelationshipInputSchema>;

export const RelationshipPatchSchema = z
  .object({
    properties: RelationshipPropertiesSchema.optional(),
    provenance: z.array(ProvenanceSchema).max(200).optional(),
    validFrom: IsoDaySchema.nullable().optional(),
    validTo: IsoDaySchema.nullable().optional(),
  })
  .strict();
export type RelationshipPatch = z.input<typeof RelationshipPatchSchema>;

export const GraphRelationshipSchema = z.object({ ...relationshipFields, createdAt: z.string(), updatedAt: z.string() });
export type GraphRelationship = z.output<typeof GraphRelationshipSchema>;

/** The labels a relationship type may join, as a readable error or null when fine. */
export function endpointProblem(type: GraphRelationship['type'], fromLabel: NodeLabel, toLabel: NodeLabel): string | null {
  const rule = RELATIONSHIP_ENDPOINTS[type];
  if (!rule.from.includes(fromLabel)) return `${type} cannot start at a ${fromLabel} (allowed: ${rule.from.join(', ')})`;
  if (!rule.to.includes(toLabel)) return `${type} cannot end at a ${toLabel} (allowed: ${rule.to.join(', ')})`;
  return null;
}
