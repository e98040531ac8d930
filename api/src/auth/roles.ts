// Roles are ordered: each one can do everything the ones before it can.
// viewer reads, editor writes the graph, admin also manages tokens.

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `needed` or above. */
export function hasRole(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who is making a request, set on `req.principal` by the auth middleware. */
export interface Principal {
  name: string;
  role: Role;
  tokenId: string;
}
