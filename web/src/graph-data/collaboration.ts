// The actor–actor collaboration projection from GET /api/collaboration (columns).
import type { ApiClient } from '../api/client.ts';
import { queryString } from '../api/client.ts';
import type { LayoutQuery } from './serverLayout.ts';

export interface Collaboration {
  revision: number;
  nodes: { id: string[]; name: string[]; kind: (string | null)[]; level: (string | null)[]; region: (string | null)[]; strength: number[] };
  links: { from: number[]; to: number[]; weight: number[]; sharedCount: number[]; shared: number[][]; validFrom: (string | null)[]; validTo: (string | null)[] };
  items: { id: string[]; label: string[]; name: string[] };
}

export function collaborationPath(q: LayoutQuery & { region?: string; items?: number }): string {
  return `/collaboration${queryString({ at: q.at, levels: q.levels, kinds: q.kinds, types: q.types, topics: q.topics, region: q.region, items: q.items ?? 5 })}`;
}

export function fetchCollaboration(api: ApiClient, q: LayoutQuery & { region?: string }, signal?: AbortSignal): Promise<Collaboration> {
  return api.get<Collaboration>(collaborationPath(q), signal);
}
