import { Router } from 'express';
import { z } from 'zod';
import { IdSchema, LEVELS, PlaceRefSchema, type GraphStore } from '@atlas/graph';
import type { AnalyticsService } from '@atlas/graph/analytics/index.ts';
import { knowledgeOf } from '@atlas/graph/recommendations/knowledge.ts';
import { PEER_SCORE_FORMULA, recommendPeers } from '@atlas/graph/recommendations/peers.ts';
import { SPEAKER_SCORE_FORMULA, recommendSpeakers, speakersCsv } from '@atlas/graph/recommendations/speakers.ts';
import type { Config } from '../config.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { atParam, kindsParam, levelsParam, limitParam, single, topicsParam } from '../http/params.ts';
import { requestSignal } from './analytics.ts';

export const PeerParams = z.object({ actorId: IdSchema });
export const PeersQuery = z.object({
  levels: levelsParam,
  kinds: kindsParam,
  // Topic ids or thematic tags (`programme:H2020-EU.3.2.`): IdSchema accepts both.
  topics: topicsParam.describe('Topic ids or thematic tags: keep candidates working on one of them'),
  region: single(z.string().trim().min(1).max(200)).optional().describe('Municipality, province, region or country (accent-insensitive) or INE code'),
  at: atParam,
  limit: limitParam(20),
});

export const SpeakersQuery = z.object({
  topic: single(z.string().trim().min(1, 'topic is required').max(200)).describe('A Topic id, or a thematic tag such as `topic:SPACE`'),
  diversity: single(z.coerce.number().min(0).max(1).default(0.5)).describe('0 = pure relevance, 1 = maximal mix of levels, kinds and regions'),
  measure: single(z.enum(['pagerank', 'betweenness', 'degree']).default('pagerank')).describe('Influence measure on the collaboration graph'),
  levels: levelsParam,
  kinds: kindsParam,
  at: atParam,
  limit: limitParam(10),
  format: single(z.enum(['json', 'csv']).default('json')),
});

const Ref = z.object({ id: z.string(), name: z.string() });
const PeerReasonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('shared_topic'), topic: Ref.extend({ from: z.enum(['node', 'tag']) }), weight: z.number() }),
  z.object({ type: z.literal('practice_to_learn'), practice: Ref, developedBy: Ref, direction: z.enum(['learn_from', 'share_with']) }),
  z.object({ type: z.literal('common_partner'), partner: Ref, weight: z.number() }),
  z.object({ type: z.literal('distance'), hops: z.number().int().nullable() }),
  z.object({ type: z.literal('level'), relation: z.enum(['same_level_elsewhere', 'cross_level']), from: z.enum(LEVELS), to: z.enum(LEVELS) }),
]);
const Components = z.object({ topics: z.number(), practices: z.number(), partners: z.number(), proximity: z.number(), level: z.number() });
const PeersResponse = z.object({
  actor: Ref.extend({ kind: z.string(), level: z.enum(LEVELS).optional(), place: PlaceRefSchema.optional() }),
  formula: z.string(),
  total: z.number().int(),
  peers: z.array(
    Ref.extend({
      label: z.literal('Actor'),
      kind: z.string(),
      level: z.enum(LEVELS).optional(),
      place: PlaceRefSchema.optional(),
      score: z.number(),
      components: Components,
      hops: z.number().int().nullable(),
      reasons: z.array(PeerReasonSchema),
    }),
  ),
});
const SpeakerReasonSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('evidence'),
    relation: z.string(),
    item: Ref.extend({ label: z.string(), day: z.string().optional() }),
    role: z.string().optional(),
    source: z.string().optional(),
    confidence: z.number(),
    weight: z.number(),
  }),
  z.object({ type: z.literal('works_on'), topic: Ref, source: z.string().optional(), confidence: z.number(), weight: z.number() }),
  z.object({ type: z.literal('influence'), measure: z.string(), score: z.number(), relative: z.number() }),
  z.object({ type: z.literal('diversity'), adds: z.array(z.enum(['level', 'kind', 'region'])) }),
]);
const SpeakersResponse = z.object({
  topic: Ref.extend({ from: z.enum(['node', 'tag']) }),
  diversity: z.number(),
  formula: z.string(),
  total: z.number().int(),
  speakers: z.array(
    Ref.extend({
      rank: z.number().int(),
      label: z.enum(['Actor', 'Person']),
      kind: z.string(),
      level: z.enum(LEVELS).optional(),
      place: PlaceRefSchema.optional(),
      region: z.string().optional(),
      score: z.number(),
      evidence: z.number(),
      influence: z.number(),
      reasons: z.array(SpeakerReasonSchema),
    }),
  ),
});

documentRoute({
  method: 'get',
  path: '/api/recommendations/peers/{actorId}',
  operationId: 'peers',
  tag: 'Recommendations',
  summary: 'Peer-learning partners: not-yet-connected actors ranked with structured reasons',
  description: PEER_SCORE_FORMULA,
  params: PeerParams,
  query: PeersQuery,
  responses: { 200: { description: 'Candidates, best first', schema: PeersResponse } },
});
documentRoute({
  method: 'get',
  path: '/api/speakers',
  operationId: 'speakers',
  tag: 'Recommendations',
  summary: 'Speaker finder: evidence on a topic × influence, re-ranked for a mix of levels, kinds and regions',
  description: `${SPEAKER_SCORE_FORMULA} Persons are candidates only with consent: true. format=csv downloads the shortlist.`,
  query: SpeakersQuery,
  responses: {
    200: { description: 'The shortlist', schema: SpeakersResponse, content: { 'text/csv': 'the shortlist as CSV (format=csv)' } },
    404: { description: 'Unknown topic' },
    503: { description: 'The influence computation exceeded its time budget' },
  },
});

/** Peer partners (/api/recommendations/peers/:actorId) and speakers (/api/speakers), mounted at /api. */
// Personal data: peers and their reasons name actors, topics and practices only; speakers
// include a Person only with consent: true, for every caller (test/trust/personal-data-reads.test.ts).
export function recommendationsRouter(store: GraphStore, analytics: AnalyticsService, config: Config): Router {
  const router = Router();

  router.get('/recommendations/peers/:actorId', async (req, res) => {
    const { actorId } = parseRequest(PeerParams, req.params, 'params');
    const q = parseRequest(PeersQuery, req.query, 'query');
    const [knowledge, collaboration] = await Promise.all([knowledgeOf(store, q.at), analytics.projection({ projection: 'collaboration', at: q.at })]);
    res.json(recommendPeers(knowledge, collaboration, actorId, { levels: q.levels, kinds: q.kinds, topics: q.topics, region: q.region, limit: q.limit }));
  });

  router.get('/speakers', async (req, res) => {
    const q = parseRequest(SpeakersQuery, req.query, 'query');
    const [knowledge, centrality] = await Promise.all([
      knowledgeOf(store, q.at),
      analytics.centrality(q.measure, { projection: 'collaboration', at: q.at, signal: requestSignal(req, res), timeoutMs: config.ANALYTICS_TIMEOUT_MS }),
    ]);
    const influence = { measure: q.measure, scores: new Map(centrality.scores.map((s) => [s.id, s.score])) };
    const answer = recommendSpeakers(knowledge, q.topic, influence, { diversity: q.diversity, limit: q.limit, levels: q.levels, kinds: q.kinds });
    if (q.format === 'csv') {
      res.attachment(`speakers-${answer.topic.id.replace(/[^\w.-]+/g, '_')}.csv`).type('text/csv; charset=utf-8').send(speakersCsv(answer));
      return;
    }
    res.json(answer);
  });

  return router;
}
