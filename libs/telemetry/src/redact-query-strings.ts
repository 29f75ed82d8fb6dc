/**
 * Keeps query strings out of every exported span: they can carry personal data
 * (a passport number searched for), and several instrumentations (http, Nest)
 * copy the full URL into attributes. Runs as a span ends, before any exporter
 * sees it; the e2e test of personal data in spans guards it.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

const URL_ATTRIBUTES = ['url.full', 'http.url', 'http.target', 'url.query', 'url.path'];

export class QueryStringRedactor implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnding(span: Span): void {
    for (const name of URL_ATTRIBUTES) {
      const value = span.attributes[name];
      if (typeof value === 'string' && value.includes('?')) span.setAttribute(name, value.slice(0, value.indexOf('?')));
      if (name === 'url.query' && typeof value === 'string' && value.length > 0) span.setAttribute(name, '');
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
