// Token sign-in. The API has no "who am I" endpoint, so the role is learned
// with requests that change nothing: a bad token is refused on any request
// (401); an empty POST /api/nodes is refused with 403 below editor and with a
// 400 validation error for editors; GET /api/tokens answers only admins.
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

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
}

/** Resolves the role of the client's current token; throws ApiError(401) for a bad one. */
export async function detectRole(api: ApiClient): Promise<Role> {
  await api.health();
  const write = await statusOf(api.request('POST', '/nodes', {}));
  if (write === 401) throw new ApiError({ title: 'Unauthorized', status: 401 });
  if (write === 403) return 'viewer';
  const admin = await statusOf(api.get('/tokens'));
  return admin === 200 ? 'admin' : 'editor';
}
