import helmet from 'helmet';
import type { RequestHandler } from 'express';

// Security headers. The CSP allows exactly what the web app needs: its own
// scripts and styles, data:/blob: images (PNG/SVG export), blob: workers
// (ForceAtlas2 layout runs in a worker) and API calls to the same origin.
// Framing: the embeddable read-only view (/embed) may be framed by any site
// (frame-ancestors *, no X-Frame-Options) or only by the origins in
// EMBED_ANCESTORS; every other page and API answer by none (frame-ancestors
// 'none' and X-Frame-Options: DENY), so the editing app cannot be clickjacked.
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
  frameAncestors: ["'none'"],
};

function variant(secure: boolean, embedAncestors: string[] | null): RequestHandler {
  const csp = { ...directives, ...(embedAncestors && { frameAncestors: embedAncestors }), upgradeInsecureRequests: secure ? [] : null };
  return helmet({
    contentSecurityPolicy: { directives: csp },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: secure ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    // X-Frame-Options cannot name several origins: /embed leaves it to frame-ancestors.
    frameguard: embedAncestors ? false : { action: 'deny' },
  });
}

export interface SecurityHeaderOptions {
  https: boolean;
  /** frame-ancestors of /embed: ['*'] (default) or a list of origins. */
  embedAncestors?: string[];
}

export function securityHeaders(options: SecurityHeaderOptions = { https: false }): RequestHandler {
  const ancestors = options.embedAncestors?.length ? options.embedAncestors : ['*'];
  const handlers = {
    plain: variant(false, null),
    plainEmbed: variant(false, ancestors),
    secure: variant(true, null),
    secureEmbed: variant(true, ancestors),
  };
  return (req, res, next) => {
    const embed = req.path === '/embed' || req.path.startsWith('/embed/');
    const secure = options.https || req.secure;
    const handler = secure ? (embed ? handlers.secureEmbed : handlers.secure) : embed ? handlers.plainEmbed : handlers.plain;
    handler(req, res, next);
  };
}
