// What each actor works on, as a weighted topic profile: Topic nodes reached
// through WORKS_ON, through the ABOUT links of the projects, practices and
// events the actor takes part in, and thematic tags of those items (H2020
// `programme:`/`topic:` tags). Weighted TF-IDF so that a topic everybody
// shares says little and a rare shared topic says a lot.

import type { RelationshipType } from '../model/vocabulary.ts';
import { ITEM_LABELS, thematicTags, type Knowledge, type TopicRef } from './knowledge.ts';

/** The ways an actor is involved in an item (the item's topics become the actor's). */
export const INVOLVEMENT_TYPES: ReadonlySet<RelationshipType> = new Set<RelationshipType>([
  'PARTICIPATES_IN',
  'DEVELOPED',
  'ADOPTED',
  'ORGANISED',
  'SPOKE_AT',
  'FUNDS',
]);

export interface TopicProfiles {
  /** Actor id → topic id → TF-IDF weight (only non-zero entries). */
  vectors: Map<string, Map<string, number>>;
  /** Euclidean norm of each vector. */
  norms: Map<string, number>;
  /** Topic id → actors having it (postings, for fast similarity against everyone). */
  postings: Map<string, string[]>;
  /** Topic id → reference (id, name, node/tag). */
  topics: Map<string, TopicRef>;
  /** Raw evidence counts: actor id → topic id → number of items/links behind it. */
  counts: Map<string, Map<string, number>>;
}

/** Topic profiles of every Actor in the knowledge. */
export function buildTopicProfiles(knowledge: Knowledge): TopicProfiles {
  const counts = new Map<string, Map<string, number>>();
  const topics = new Map<string, TopicRef>();
  const bump = (actor: string, topic: TopicRef) => {
    topics.set(topic.id, topic);
    let profile = counts.get(actor);
    if (!profile) counts.set(actor, (profile = new Map()));
    profile.set(topic.id, (profile.get(topic.id) ?? 0) + 1);
  };

  for (const actor of knowledge.nodes.values()) {
    if (actor.label !== 'Actor') continue;
    for (const topic of thematicTags(actor.tags)) bump(actor.id, topic);
    const seenItems = new Set<string>();
    for (const link of knowledge.out(actor.id)) {
      if (link.type === 'WORKS_ON') {
        const topic = knowledge.node(link.to);
        if (topic) bump(actor.id, { id: topic.id, name: topic.name, from: 'node' });
        continue;
      }
      if (!INVOLVEMENT_TYPES.has(link.type) || seenItems.has(link.to)) continue;
      const item = knowledge.node(link.to);
      if (!item || !ITEM_LABELS.has(item.label)) continue;
      seenItems.add(item.id);
      for (const topic of knowledge.topicsOfItem(item.id)) bump(actor.id, topic);
    }
  }

  const postings = new Map<string, string[]>();
  for (const [actor, profile] of counts) {
    for (const topic of profile.keys()) {
      const list = postings.get(topic);
      if (list) list.push(actor);
      else postings.set(topic, [actor]);
    }
  }
  const actorsWithTopics = counts.size;
  const vectors = new Map<string, Map<string, number>>();
  const norms = new Map<string, number>();
  for (const [actor, profile] of counts) {
    const vector = new Map<string, number>();
    let sq = 0;
    for (const [topic, count] of profile) {
      // idf = log(N / df): a topic every actor has weighs nothing.
      const idf = Math.log(actorsWithTopics / postings.get(topic)!.length);
      const weight = Math.log1p(count) * idf;
      if (weight > 0) {
        vector.set(topic, weight);
        sq += weight * weight;
      }
    }
    vectors.set(actor, vector);
    norms.set(actor, Math.sqrt(sq));
  }
  return { vectors, norms, postings, topics, counts };
}

/** Cosine similarity of one actor's profile with every actor sharing a topic. */
export function similarToAll(profiles: TopicProfiles, actorId: string): Map<string, number> {
  const out = new Map<string, number>();
  const vector = profiles.vectors.get(actorId);
  const norm = profiles.norms.get(actorId) ?? 0;
  if (!vector || norm === 0) return out;
  for (const [topic, weight] of vector) {
    for (const other of profiles.postings.get(topic) ?? []) {
      if (other === actorId) continue;
      const w = profiles.vectors.get(other)!.get(topic);
      if (w) out.set(other, (out.get(other) ?? 0) + weight * w);
    }
  }
  for (const [other, dot] of out) out.set(other, dot / (norm * (profiles.norms.get(other) || 1)));
  return out;
}

/** The topics two actors share, strongest contribution to their similarity first. */
export function sharedTopics(profiles: TopicProfiles, a: string, b: string): Array<{ topic: TopicRef; weight: number }> {
  const va = profiles.vectors.get(a);
  const vb = profiles.vectors.get(b);
  if (!va || !vb) return [];
  const shared: Array<{ topic: TopicRef; weight: number }> = [];
  for (const [topic, wa] of va) {
    const wb = vb.get(topic);
    if (wb) shared.push({ topic: profiles.topics.get(topic)!, weight: wa * wb });
  }
  return shared.sort((x, y) => y.weight - x.weight || x.topic.id.localeCompare(y.topic.id));
}
