import type { ApiClient } from '../api/client.ts';
import type { ReviewItem } from './types.ts';

/**
 * The listed items plus the queue items their relationships point at that the
 * list does not hold (another status or page), so a relationship can name its
 * ends and say whether they are accepted.
 */
export async function withEnds(api: ApiClient, items: ReviewItem[]): Promise<Map<string, ReviewItem>> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const missing = new Set<string>();
  for (const i of items) {
    for (const ref of i.relationship ? [i.relationship.from, i.relationship.to] : []) {
      if ('item' in ref && !byId.has(ref.item)) missing.add(ref.item);
    }
  }
  const found = await Promise.all([...missing].slice(0, 200).map((id) => api.reviewItem(id).catch(() => null)));
  for (const end of found) if (end) byId.set(end.id, end);
  return byId;
}
