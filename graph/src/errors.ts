// One error type for the whole product. The API turns an AtlasError into an
// RFC 9457 problem+json answer; anything else becomes a generic 500.

export interface FieldError {
  /** Dotted path of the field (`name`, `properties.role`) or the query parameter. */
  path: string;
  message: string;
  /** For imports: the file, 1-based row (header = row 1) and column name. */
  file?: string;
  row?: number;
  column?: string;
}

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'timeout'
  | 'unavailable';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  timeout: 503,
  unavailable: 503,
};

const TITLE: Record<ErrorCode, string> = {
  validation: 'Invalid input',
  not_found: 'Not found',
  conflict: 'Conflict',
  unauthorized: 'Authentication required',
  forbidden: 'Forbidden',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  timeout: 'Query took too long',
  unavailable: 'Service unavailable',
};

export class AtlasError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly errors?: FieldError[];

  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = 'AtlasError';
    this.code = code;
    this.status = STATUS[code];
    this.title = TITLE[code];
    if (errors?.length) this.errors = errors;
  }
}

export class NotFoundError extends AtlasError {
  constructor(what: 'node' | 'relationship' | 'token' | string, id: string) {
    super('not_found', `${what} "${id}" does not exist`);
  }
}

export class ConflictError extends AtlasError {
  constructor(detail: string, errors?: FieldError[]) {
    super('conflict', detail, errors);
  }
}

export class ValidationError extends AtlasError {
  constructor(detail: string, errors: FieldError[] = []) {
    super('validation', detail, errors);
  }
}

export class TimeoutError extends AtlasError {
  constructor(detail = 'the query exceeded its time budget') {
    super('timeout', detail);
  }
}

/** Converts zod issues into FieldErrors, with an optional prefix for nested paths. */
export function fieldErrorsFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}
