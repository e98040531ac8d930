import { Router } from 'express';
import { z } from 'zod';
import { searchPlaces } from '@atlas/graph/places/gazetteer.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { limitParam, single } from '../http/params.ts';

// Autocomplete over the bundled gazetteer (graph/data/spain): municipalities by
// either side of a bilingual name, article optional, or by INE code. It reads
// no store, so it answers the same on both.

export const PlacesSearchQuery = z.object({
  q: single(z.string().trim().min(1, 'q is required').max(200)).describe('Start of a municipality name (any official form, accents optional) or of an INE code'),
  limit: limitParam(10, 100),
});

const PlaceHitSchema = z.object({
  ineCode: z.string().describe('5-digit INE municipality code'),
  name: z.string(),
  province: z.string(),
  region: z.string().describe('Autonomous community'),
  lat: z.number(),
  lon: z.number(),
});
const PlacesSearchResponse = z.object({ places: z.array(PlaceHitSchema) });

documentRoute({
  method: 'get',
  path: '/api/places/search',
  operationId: 'searchPlaces',
  tag: 'Read',
  summary: 'Spanish municipalities for a place field: by name (co-official forms too) or INE code, from the bundled gazetteer',
  query: PlacesSearchQuery,
  responses: { 200: { description: 'Municipalities, best first (exact, then prefix, then word, then substring matches)', schema: PlacesSearchResponse } },
});

/** GET /api/places/search?q=&limit= */
export function placesRouter(): Router {
  const router = Router();
  router.get('/search', (req, res) => {
    const q = parseRequest(PlacesSearchQuery, req.query, 'query');
    res.json({ places: searchPlaces(q.q, q.limit) });
  });
  return router;
}
