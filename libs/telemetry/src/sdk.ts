/**
 * OpenTelemetry bootstrap. Each service's `main.ts` imports its `telemetry.ts`
 * first, which calls `startTelemetry`, so the SDK patches http, express, Nest and
 * pg before any of them is loaded. Kafka context is carried by libs/messaging
 * itself (outbox rows and message headers), not by kafkajs auto-instrumentation,
 * because the relay publishes in batches where the auto-instrumentation would
 * parent every message to the relay instead of to its record's request.
 */
import { DiagConsoleLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { QueryStringRedactor } from './redact-query-strings';

export interface Telemetry {
  shutdown(): Promise<void>;
}

export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Telemetry {
  if (env.OTEL_DEBUG === 'true') diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.INFO);
  // Metrics are Prometheus (prom-client) and logs are pino to stdout; without these the SDK would
  // set up OTLP log and metric exporters by default and spend seconds at shutdown flushing to nowhere.
  env.OTEL_LOGS_EXPORTER ??= 'none';
  env.OTEL_METRICS_EXPORTER ??= 'none';
  const spanProcessors = exporters(env).map(
    (exporter): SpanProcessor =>
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500, maxExportBatchSize: 512 }),
  );
  // Without a backend, spans are still made so that trace ids reach logs, responses and Kafka headers.
  if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());
  // First, so that no exporter ever sees a query string.
  spanProcessors.unshift(new QueryStringRedactor());
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_VERSION]: '0.1.0' }),
    spanProcessors,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isProbe(request.url) }),
      // Route handlers only: a span per middleware (body parsing, guards) costs more than it tells.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
      new NestInstrumentation(),
      // Statement text can hold personal data in literals; crosscheck binds parameters, and pg spans keep no values.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** OTLP/HTTP (JSON) is the one way out: to the local OTLP door, a Collector, or any OTLP backend. */
function exporters(env: NodeJS.ProcessEnv): SpanExporter[] {
  const url = tracesEndpoint(env);
  return url ? [new OTLPTraceExporter({ url })] : [];
}

/** The signal-specific variable wins; the general one gets OTLP's `/v1/traces` appended, as the spec says. */
export function tracesEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

function isProbe(url: string | undefined): boolean {
  return url === '/health' || url === '/ready' || url === '/metrics';
}
