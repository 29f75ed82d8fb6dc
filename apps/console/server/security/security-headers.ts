/**
 * Headers on every answer of the console, its pages, its own JSON and the proxied APIs alike: no content sniffing,
 * no referrer (URLs carry alert ids), no framing (a framed triage button can be clickjacked), and, when browsers
 * reach the console over TLS, HSTS so that they never try it over plain HTTP again.
 */
import type { RequestHandler } from 'express';

/** Only this origin's scripts, styles and connections; no framing (CSP's word for it, beside X-Frame-Options). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** A year, the usual HSTS lifetime; not includeSubDomains, which would bind every other host of the domain too. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export function securityHeaders({ tls }: { tls: boolean }): RequestHandler {
  return (_request, response, next) => {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-frame-options', 'DENY');
    if (tls) response.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}

/** CSP for the single-page app's files (API answers are JSON and event streams, which CSP does not govern). */
export const contentSecurityPolicy: RequestHandler = (_request, response, next) => {
  response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  next();
};
