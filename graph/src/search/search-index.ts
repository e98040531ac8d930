import MiniSearch, { type SearchResult } from 'minisearch';
import { isValidAt } from '../model/dates.ts';
import type { GraphNode } from '../model/schemas.ts';
import { foldText, tokens } from '../model/text.ts';
import type { Level, NodeLabel } from '../model/vocabulary.ts';
import type { SearchHit, SearchOptions } from '../store/port.ts';

// Full-text search over node names, aliases, tags and descriptions, folded so
// that accents and case do not matter (vinaros → Vinaròs), with prefix and
// typo-tolerant (edit distance 1, or 2 on long words) matching. Any store or
// the API can keep one up to date with add/remove.

type Indexed = Pick<GraphNode, 'id' | 'name' | 'label' | 'kind' | 'level' | 'validFrom' | 'validTo'> & {
  aliases: string;
  tags: string;
  description: string;
};

const FIELDS = ['name', 'aliases', 'tags', 'description'] as const;
const STORED = ['name', 'label', 'kind', 'level', 'validFrom', 'validTo'] as const;
const FIELD_NAMES: Record<string, string> = { name: 'name', aliases: 'alias', tags: 'tag', description: 'description' };
const BOOST = { name: 3, aliases: 2.5, tags: 1.5, description: 1 };
const MAX_LIMIT = 1000;

/** Edit distance allowed for a query term: none on short terms, where typos match everything. */
function fuzziness(term: string): number | false {
  if (term.length < 4) return false;
  return term.length < 9 ? 1 : 2;
}

export class SearchIndex {
  private readonly index = new MiniSearch<Indexed>({
    fields: [...FIELDS],
    storeFields: [...STORED],
    tokenize: (text) => tokens(text),
    processTerm: (term) => foldText(term) || null,
    searchOptions: { boost: BOOST, prefix: true, fuzzy: fuzziness, weights: { fuzzy: 0.45, prefix: 0.6 } },
  });

  get size(): number {
    return this.index.documentCount;
  }

  addAll(nodes: Iterable<GraphNode>): void {
    const batch: Indexed[] = [];
    for (const node of nodes) {
      batch.push(toIndexed(node));
      if (batch.length === 10_000) this.index.addAll(batch.splice(0));
    }
    this.index.addAll(batch);
  }

  /** Adds or replaces the node's entry. */
  put(node: GraphNode): void {
    if (this.index.has(node.id)) this.index.replace(toIndexed(node));
    else this.index.add(toIndexed(node));
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  clear(): void {
    this.index.removeAll();
  }

  search(q: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_LIMIT);
    if (!tokens(q).length) return [];
    const filter = (r: SearchResult) => matchesFilters(r, options);
    // Exact and prefix matches first; the typo-tolerant search (an edit-distance
    // walk of the whole term tree, ~10× slower on long words) only when they do
    // not fill the page — typo matches score below them anyway (weight 0.45).
    let results = this.index.search(q, { combineWith: 'AND', filter, fuzzy: false });
    if (results.length < limit) results = this.index.search(q, { combineWith: 'AND', filter });
    // Every word must match; fall back to any word when that finds nothing.
    if (!results.length) results = this.index.search(q, { combineWith: 'OR', filter });
    return results.slice(0, limit).map(toHit);
  }
}

function toIndexed(node: GraphNode): Indexed {
  return {
    id: node.id,
    name: node.name,
    label: node.label,
    kind: node.kind,
    level: node.level,
    validFrom: node.validFrom,
    validTo: node.validTo,
    aliases: (node.aliases ?? []).join(' \n '),
    tags: (node.tags ?? []).join(' \n '),
    description: node.description ?? '',
  };
}

function matchesFilters(r: SearchResult, options: SearchOptions): boolean {
  if (options.labels?.length && !options.labels.includes(r.label as NodeLabel)) return false;
  if (options.kinds?.length && !options.kinds.includes(r.kind as string)) return false;
  if (options.levels?.length && !options.levels.includes(r.level as Level)) return false;
  if (options.at && !isValidAt({ validFrom: r.validFrom as string | undefined, validTo: r.validTo as string | undefined }, options.at)) return false;
  return true;
}

function toHit(r: SearchResult): SearchHit {
  const fields = new Set(Object.values(r.match).flat());
  const best = FIELDS.find((f) => fields.has(f));
  const hit: SearchHit = { id: String(r.id), name: r.name as string, label: r.label as NodeLabel, kind: r.kind as string, score: r.score };
  if (r.level) hit.level = r.level as Level;
  if (best) hit.matchedField = FIELD_NAMES[best];
  return hit;
}
