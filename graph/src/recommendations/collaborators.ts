// Collaborators of an actor: the actors that share projects, programmes,
// events or practices with it (SPEC "collaboration graph"), each with the
// shared items listed, plus explicit COLLABORATES_WITH links. Read through the
// GraphStore port (two hops), so it costs O(degree) and not a graph scan.

import { ValidationError } from '../errors.ts';
import type { GraphNode, PlaceRef } from '../model/schemas.ts';
import { SHARED_ITEM_TYPES, type Level, type RelationshipType } from '../model/vocabulary.ts';
import type { GraphStore } from '../store/port.ts';
import { ITEM_LABELS } from './knowledge.ts';

export interface CollaboratorOptions {
  at?: string;
  levels?: Level[];
  kinds?: string[];
  /** Linking types taken into account (default: shared-item types + COLLABORATES_WITH). */
  types?: RelationshipType[];
  limit?: number;
}

export interface SharedItem {
  id: string;
  name: string;
  label: string;
  kind: string;
}

export interface Collaborator {
  id: string;
  name: string;
  label: string;
  kind: string;
  level?: Level;
  place?: PlaceRef;
  /** Shared items + explicit COLLABORATES_WITH weight (the collaboration-graph weight). */
  weight: number;
  shared: SharedItem[];
  /** Weight of an explicit COLLABORATES_WITH link, when there is one. */
  explicit?: number;
}

export interface CollaboratorsAnswer {
  actor: { id: string; name: string };
  total: number;
  collaborators: Collaborator[];
}

const BATCH = 16;

export async function collaboratorsOf(store: GraphStore, actorId: string, options: CollaboratorOptions = {}): Promise<CollaboratorsAnswer> {
  const actor = await store.getNode(actorId);
  if (actor.label !== 'Actor') throw new ValidationError(`"${actorId}" is a ${actor.label}, not an Actor`, [{ path: 'id', message: 'must be the id of an Actor' }]);
  const linking = new Set<RelationshipType>(options.types?.length ? options.types : [...SHARED_ITEM_TYPES, 'COLLABORATES_WITH']);
  const sharedTypes = SHARED_ITEM_TYPES.filter((t) => linking.has(t));

  const own = await store.relationshipsOf(actorId, { types: [...linking], at: options.at });
  const explicit = new Map<string, number>();
  const itemIds = new Set<string>();
  for (const rel of own) {
    if (rel.type === 'COLLABORATES_WITH') {
      const other = rel.from === actorId ? rel.to : rel.from;
      const weight = typeof rel.properties.weight === 'number' ? rel.properties.weight : 1;
      explicit.set(other, (explicit.get(other) ?? 0) + weight);
    } else if (rel.from === actorId) itemIds.add(rel.to);
  }
  const items = (await store.getNodes([...itemIds])).filter((n) => ITEM_LABELS.has(n.label));

  const sharedBy = new Map<string, SharedItem[]>();
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const rels = await Promise.all(batch.map((item) => store.relationshipsOf(item.id, { types: sharedTypes, at: options.at })));
    batch.forEach((item, j) => {
      const seen = new Set<string>();
      for (const rel of rels[j]) {
        if (rel.to !== item.id || rel.from === actorId || seen.has(rel.from)) continue;
        seen.add(rel.from);
        const list = sharedBy.get(rel.from) ?? [];
        list.push({ id: item.id, name: item.name, label: item.label, kind: item.kind });
        sharedBy.set(rel.from, list);
      }
    });
  }

  const ids = new Set([...sharedBy.keys(), ...explicit.keys()]);
  const nodes = await store.getNodes([...ids]);
  const levels = options.levels?.length ? new Set<string>(options.levels) : null;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const collaborators = nodes
    .filter((n: GraphNode) => n.label === 'Actor')
    .filter((n) => (!levels || (n.level && levels.has(n.level))) && (!kinds || kinds.has(n.kind)))
    .map((n): Collaborator => {
      const shared = (sharedBy.get(n.id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
      const explicitWeight = explicit.get(n.id);
      return {
        id: n.id,
        name: n.name,
        label: n.label,
        kind: n.kind,
        ...(n.level ? { level: n.level } : {}),
        ...(n.place ? { place: n.place } : {}),
        weight: shared.length + (explicitWeight ?? 0),
        shared,
        ...(explicitWeight !== undefined ? { explicit: explicitWeight } : {}),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { actor: { id: actor.id, name: actor.name }, total: collaborators.length, collaborators: collaborators.slice(0, options.limit ?? 100) };
}
