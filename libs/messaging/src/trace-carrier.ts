/**
 * Carries W3C trace context through places OpenTelemetry cannot see by itself:
 * an outbox row between a transaction and the relay, and Kafka headers.
 */
import { Context, ROOT_CONTEXT, context, propagation } from '@opentelemetry/api';

export type TraceCarrier = Record<string, string>;

export function captureTraceContext(from: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(from, carrier);
  return carrier;
}

export function restoreTraceContext(carrier: TraceCarrier | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

export function headersToCarrier(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): TraceCarrier {
  const carrier: TraceCarrier = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) carrier[name] = first.toString();
  }
  return carrier;
}
