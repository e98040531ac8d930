import helmet from 'helmet';
import type { RequestHandler } from 'express';

// Security headers. The CSP allows exactly what the web app needs: its own
// scripts and styles, data:/blob: images (PNG/SVG export), blob: workers
// (ForceAtlas2 layout runs in a worker) and API calls to the same origin.
// The embeddable read-only view (/embed) may be framed by any site.

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React and d3 set inline style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

export function securityHeaders(): RequestHandler {
  const app = helmet({ contentSecurityPolicy: { directives }, crossOriginEmbedderPolicy: false });
  const embed = helmet({
    contentSecurityPolicy: { directives: { ...directives, frameAncestors: ['*'] } },
    crossOriginEmbedderPolicy: false,
    frameguard: false,
  });
  return (req, res, next) => (req.path === '/embed' || req.path.startsWith('/embed/') ? embed : app)(req, res, next);
}
