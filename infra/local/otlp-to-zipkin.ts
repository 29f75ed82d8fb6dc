// OTLP/HTTP spans in, Zipkin v2 spans out: the pure conversion behind the local OTLP door
// (otlp-door.ts). crosscheck's services export traces over OTLP only; Zipkin reads its own
// v2 model. The mapping follows the one OpenTelemetry's Zipkin exporter made inside each service
// before: attributes and resource attributes as tags, the status as `otel.status_code` and
// `error`, events as annotations, INTERNAL spans without a kind.

/** The part of an OTLP JSON `ExportTraceServiceRequest` the conversion reads. */
export interface OtlpTraceRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: Array<{ spans?: OtlpSpan[] }>;
  }>;
}

interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: string;
}

type OtlpNanos = string | number;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: OtlpNanos;
  endTimeUnixNano: OtlpNanos;
  attributes?: OtlpKeyValue[];
  droppedAttributesCount?: number;
  events?: Array<{ name: string; timeUnixNano: OtlpNanos }>;
  droppedEventsCount?: number;
  droppedLinksCount?: number;
  status?: { code?: number; message?: string };
}

export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp: number;
  duration: number;
  localEndpoint: { serviceName: string };
  tags: Record<string, string>;
  annotations?: Array<{ timestamp: number; value: string }>;
}

/** OTLP's SpanKind enum (UNSPECIFIED 0, INTERNAL 1, SERVER 2, CLIENT 3, PRODUCER 4, CONSUMER 5). */
const ZIPKIN_KIND: Record<number, ZipkinSpan['kind']> = { 2: 'SERVER', 3: 'CLIENT', 4: 'PRODUCER', 5: 'CONSUMER' };
/** OTLP's StatusCode enum: UNSET 0, OK 1, ERROR 2. */
const STATUS_NAME: Record<number, string> = { 1: 'OK', 2: 'ERROR' };

export function zipkinSpansOf(request: OtlpTraceRequest): ZipkinSpan[] {
  const spans: ZipkinSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resourceTags = tagsOf(resourceSpans.resource?.attributes);
    const serviceName = resourceTags['service.name'] ?? 'unknown_service';
    for (const scopeSpans of resourceSpans.scopeSpans ?? [])
      for (const span of scopeSpans.spans ?? []) spans.push(zipkinSpanOf(span, serviceName, resourceTags));
  }
  return spans;
}

function zipkinSpanOf(span: OtlpSpan, serviceName: string, resourceTags: Record<string, string>): ZipkinSpan {
  const start = nanos(span.startTimeUnixNano);
  const tags = tagsOf(span.attributes);
  const status = span.status?.code ?? 0;
  if (STATUS_NAME[status]) tags['otel.status_code'] = STATUS_NAME[status];
  if (status === 2 && span.status?.message) tags.error = span.status.message;
  if (span.droppedAttributesCount) tags['otel.dropped_attributes_count'] = String(span.droppedAttributesCount);
  if (span.droppedEventsCount) tags['otel.dropped_events_count'] = String(span.droppedEventsCount);
  if (span.droppedLinksCount) tags['otel.dropped_links_count'] = String(span.droppedLinksCount);
  Object.assign(tags, resourceTags);
  return {
    traceId: span.traceId,
    id: span.spanId,
    // An empty string is how some encoders write "no parent".
    ...(span.parentSpanId ? { parentId: span.parentSpanId } : {}),
    name: span.name,
    ...(ZIPKIN_KIND[span.kind ?? 0] ? { kind: ZIPKIN_KIND[span.kind ?? 0] } : {}),
    timestamp: micros(start),
    duration: micros(nanos(span.endTimeUnixNano) - start),
    localEndpoint: { serviceName },
    tags,
    ...(span.events?.length
      ? {
          annotations: span.events.map((event) => ({
            timestamp: micros(nanos(event.timeUnixNano)),
            value: event.name,
          })),
        }
      : {}),
  };
}

function tagsOf(attributes: OtlpKeyValue[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const { key, value } of attributes ?? []) tags[key] = textOf(value);
  return tags;
}

/** As the Zipkin exporter wrote values: String(value), so arrays join with commas. */
function textOf(value: OtlpAnyValue | undefined): string {
  if (!value) return '';
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return String(value.boolValue);
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(textOf).join(',');
  if (value.kvlistValue) return JSON.stringify(tagsOf(value.kvlistValue.values));
  return value.bytesValue ?? '';
}

function nanos(value: OtlpNanos): bigint {
  return BigInt(value);
}

function micros(value: bigint): number {
  return Number(value / 1000n);
}
