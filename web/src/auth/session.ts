// Token sign-in. The role of a token is learned from GET /api/me, which
// answers any caller; a forged, expired or revoked token is refused with 401.
import { ApiError, type ApiClient } from '../api/client.ts';

export type Role = 'viewer' | 'editor' | 'admin';
const KEY = 'atlas.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage disabled: the token lives for this page only */
  }
}

/** GET /api/me (api/src/routes/me.ts). */
export interface Me {
  authenticated: boolean;
  name?: string;
  role: 'anonymous' | Role;
  publicRead: boolean;
}

export function whoAmI(api: ApiClient): Promise<Me> {
  return api.get<Me>('/me');
}

/** Resolves the role of the client's current token; throws ApiError(401) for a bad one. */
export async function detectRole(api: ApiClient): Promise<Role> {
  const me = await whoAmI(api);
  if (!me.authenticated || me.role === 'anonymous') throw new ApiError({ title: 'Unauthorized', status: 401 });
  return me.role;
}
