import { z } from 'zod';
import { IdSchema, IsoDaySchema, LEVELS, NODE_LABELS, RELATIONSHIP_TYPES } from '@atlas/graph';

// Query-string building blocks shared by every router, so each parameter is
// parsed and bounded the same way everywhere.

/** A list given as `a,b` or as a repeated parameter `?x=a&x=b`. */
export function listOf<T extends z.ZodType>(item: T, max = 100) {
  return z
    .preprocess((v) => {
      if (v === undefined || v === '') return undefined;
      const parts = (Array.isArray(v) ? v : [v]).flatMap((p) => String(p).split(','));
      return parts.map((p) => p.trim()).filter(Boolean);
    }, z.array(item).max(max))
    .optional();
}

/** A single scalar: rejects `?x=a&x=b` instead of silently taking one. */
export const single = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => (Array.isArray(v) ? { __repeated: true } : v), inner);

export const limitParam = (fallback = 100, max = 1000) => single(z.coerce.number().int().min(1).max(max).default(fallback));
export const cursorParam = single(z.string().max(500)).optional();
export const atParam = single(IsoDaySchema).optional();
export const idParam = IdSchema;
export const labelsParam = listOf(z.enum(NODE_LABELS));
export const levelsParam = listOf(z.enum(LEVELS));
export const kindsParam = listOf(z.string().regex(/^[a-z_]{1,50}$/, 'kinds are lower-case words'));
export const typesParam = listOf(z.enum(RELATIONSHIP_TYPES));
export const topicsParam = listOf(IdSchema);
export const boolParam = (fallback: boolean) =>
  single(z.enum(['true', 'false', '1', '0']).default(fallback ? 'true' : 'false')).transform((v) => v === 'true' || v === '1');

/** The filters every read of the network accepts (SPEC: at, levels, kinds, types, topics). */
export const NetworkFilterQuery = z.object({
  at: atParam,
  levels: levelsParam,
  kinds: kindsParam,
  types: typesParam,
  topics: topicsParam,
});

export const IdParams = z.object({ id: IdSchema });
