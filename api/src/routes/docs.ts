import { Router } from 'express';
import '../openapi/core-routes.ts';
import { openApiDocument } from '../openapi/document.ts';
import { renderDocsPage } from '../openapi/docs-page.ts';

/** GET /api/openapi.json and the browsable GET /api/docs (mounted at /api). */
export function docsRouter(): Router {
  const router = Router();
  let page: string | null = null;
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    page ??= renderDocsPage(openApiDocument());
    res.type('html').send(page);
  });
  return router;
}
