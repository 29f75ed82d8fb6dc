import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { zipkinSpansOf, type OtlpTraceRequest } from './otlp-to-zipkin';

/** Spans made by the real SDK and encoded by the real OTLP JSON serializer, as a service sends them. */
function otlpRequestOf(record: (provider: BasicTracerProvider) => void): OtlpTraceRequest {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'intake', 'service.version': '0.1.0' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  record(provider);
  const bytes = JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans());
  return JSON.parse(new TextDecoder().decode(bytes)) as OtlpTraceRequest;
}

describe('OTLP JSON to Zipkin v2', () => {
  it('keeps ids, parentage, kind, timing, service and tags', () => {
    let ids = { trace: '', parent: '', child: '' };
    const request = otlpRequestOf((provider) => {
      const tracer = provider.getTracer('test');
      const parent = tracer.startSpan('POST /v1/records', { kind: SpanKind.SERVER, startTime: [1_700_000_000, 0] });
      const child = tracer.startSpan(
        'pg.query',
        {
          kind: SpanKind.CLIENT,
          startTime: [1_700_000_000, 250_000_000],
          attributes: { 'db.system': 'postgresql', rows: 3, cached: false, keys: ['a', 'b'] },
        },
        trace.setSpan(ROOT_CONTEXT, parent),
      );
      child.addEvent('retry', [1_700_000_000, 300_000_000]);
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'connection reset' });
      child.end([1_700_000_000, 750_000_000]);
      parent.end([1_700_000_001, 0]);
      ids = {
        trace: parent.spanContext().traceId,
        parent: parent.spanContext().spanId,
        child: child.spanContext().spanId,
      };
    });

    const spans = zipkinSpansOf(request);

    expect(spans).toHaveLength(2);
    const parent = spans.find((span) => span.id === ids.parent)!;
    const child = spans.find((span) => span.id === ids.child)!;
    expect(parent).toMatchObject({
      traceId: ids.trace,
      name: 'POST /v1/records',
      kind: 'SERVER',
      timestamp: 1_700_000_000_000_000,
      duration: 1_000_000,
      localEndpoint: { serviceName: 'intake' },
    });
    expect(parent.parentId).toBeUndefined();
    expect(child).toMatchObject({
      traceId: ids.trace,
      parentId: ids.parent,
      kind: 'CLIENT',
      timestamp: 1_700_000_000_250_000,
      duration: 500_000,
      annotations: [{ timestamp: 1_700_000_000_300_000, value: 'retry' }],
    });
    expect(child.tags).toEqual({
      'db.system': 'postgresql',
      rows: '3',
      cached: 'false',
      keys: 'a,b',
      'otel.status_code': 'ERROR',
      error: 'connection reset',
      'service.name': 'intake',
      'service.version': '0.1.0',
    });
  });

  it('gives an internal span no kind, as Zipkin marks a local span', () => {
    const request = otlpRequestOf((provider) => provider.getTracer('test').startSpan('resolve').end());
    const [span] = zipkinSpansOf(request);
    expect(span.name).toBe('resolve');
    expect(span).not.toHaveProperty('kind');
    expect(span).not.toHaveProperty('annotations');
  });

  it('turns an empty request into no spans', () => {
    expect(zipkinSpansOf({})).toEqual([]);
    expect(zipkinSpansOf({ resourceSpans: [{ scopeSpans: [{}] }] })).toEqual([]);
  });
});
