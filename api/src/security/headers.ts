import helmet from 'helmet';
import type { RequestHandler } from 'express';

// Security headers. The CSP allows exactly what the web app needs: its own
// scripts and styles, data:/blob: images (PNG/SVG export), blob: workers
// (ForceAtlas2 layout runs in a worker) and API calls to the same origin.
// The embeddable read-only view (/embed) may be framed by any site.
// HSTS and upgrade-insecure-requests only when the site is HTTPS (the request
// came over TLS, or HTTPS=true says a proxy terminates it): on a plain-HTTP
// install they would send browsers to an https:// that does not exist.

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

function variant(secure: boolean, embed: boolean): RequestHandler {
  const csp = { ...directives, ...(embed && { frameAncestors: ['*'] }), upgradeInsecureRequests: secure ? [] : null };
  return helmet({
    contentSecurityPolicy: { directives: csp },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: secure ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    ...(embed && { frameguard: false as const }),
  });
}

export function securityHeaders(options: { https: boolean } = { https: false }): RequestHandler {
  const handlers = {
    plain: variant(false, false),
    plainEmbed: variant(false, true),
    secure: variant(true, false),
    secureEmbed: variant(true, true),
  };
  return (req, res, next) => {
    const embed = req.path === '/embed' || req.path.startsWith('/embed/');
    const secure = options.https || req.secure;
    const handler = secure ? (embed ? handlers.secureEmbed : handlers.secure) : embed ? handlers.plainEmbed : handlers.plain;
    handler(req, res, next);
  };
}
