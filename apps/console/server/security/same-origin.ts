/**
 * The console's defence against cross-site request forgery, beside its SameSite=Strict cookie: a request that
 * changes something (every method but GET and HEAD) must come from the console's own pages. Browsers say where a
 * request comes from in `Origin` (sent on every such request, same-origin ones included) and, in current ones, in
 * `Sec-Fetch-Site`; a page on another origin can set neither. A request without `Origin` is refused too: no browser
 * sends a change without it, and a script calling the console can add it.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendError, type FieldProblem } from '../api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Where a request says it comes from, as its headers tell. */
export interface RequestProvenance {
  method: string;
  origin?: string;
  fetchSite?: string;
  /** The Host header: without a configured public origin, the console's own origin is `<scheme>://<Host>`. */
  host?: string;
}

/** Where the console is: the origin browsers use when configured, else the scheme it listens with. */
export interface ConsoleOrigin {
  publicOrigin?: string;
  scheme: 'http' | 'https';
}

/** The console's own origin: the configured public one, or else the one the request was addressed to. */
export function expectedOrigin(
  request: RequestProvenance,
  { publicOrigin, scheme }: ConsoleOrigin,
): string | undefined {
  if (publicOrigin) return publicOrigin;
  return request.host ? `${scheme}://${request.host.toLowerCase()}` : undefined;
}

/** Why a request may not change anything, or undefined when it may. */
export function crossOriginProblem(request: RequestProvenance, own: ConsoleOrigin): FieldProblem | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  const expected = expectedOrigin(request, own) ?? 'unknown: the request has no Host header';
  const onlyOwnPages = "changes are accepted only from the console's own pages";
  if (request.fetchSite !== undefined && request.fetchSite !== 'same-origin') {
    const message = `is ${request.fetchSite}: the browser says the request comes from another page than the console's; ${onlyOwnPages}`;
    return { field: 'Sec-Fetch-Site', rule: 'sameOrigin', message };
  }
  if (request.origin === undefined) {
    return { field: 'Origin', rule: 'isDefined', message: `is missing; ${onlyOwnPages} (Origin: ${expected})` };
  }
  if (request.origin.toLowerCase() !== expected) {
    return {
      field: 'Origin',
      rule: 'sameOrigin',
      message: `is ${request.origin}, not this console (${expected}); ${onlyOwnPages}`,
    };
  }
  return undefined;
}

/** Refuses, with 403 `cross_origin_refused`, every change that does not come from the console's own pages. */
export function sameOriginChangesOnly(own: ConsoleOrigin, logger: Logger): RequestHandler {
  return (request, response, next) => {
    const { method, headers } = request;
    const provenance = {
      method,
      origin: headers.origin,
      fetchSite: single(headers['sec-fetch-site']),
      host: headers.host,
    };
    const problem = crossOriginProblem(provenance, own);
    if (!problem) return next();
    // Behind a proxy that terminates TLS, the console's own pages arrive as https:// and need CONSOLE_PUBLIC_ORIGIN.
    const expected = expectedOrigin(provenance, own);
    logger.warn(
      { method, path: request.path, origin: provenance.origin, fetchSite: provenance.fetchSite, expected },
      'refused a change from another origin',
    );
    sendError(response, 403, 'cross_origin_refused', `${problem.field}: ${problem.message}`, [problem]);
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
