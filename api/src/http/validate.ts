import type { z } from 'zod';
import { ValidationError, fieldErrorsFromZod } from '@atlas/graph';

/**
 * Parses a request part with a zod schema; on failure throws a ValidationError
 * whose errors name each bad parameter or field (`query.depth`, `body.name`).
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body' | 'params'): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsFromZod(parsed.error.issues);
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  throw new ValidationError(`invalid ${where}: ${detail}`, errors.map((e) => ({ ...e, path: e.path === '(root)' ? where : e.path })));
}
