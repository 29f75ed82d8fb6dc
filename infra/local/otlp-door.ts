// The local OTLP/HTTP endpoint for traces (POST /v1/traces, OTLP JSON), in front of Zipkin.
//
// Services export over OTLP only. With Docker, docker-compose.yml puts the OpenTelemetry
// Collector in front of Zipkin. Without it, Zipkin's own OTLP module
// (io.zipkin.contrib.otel:zipkin-module-otel) would be the natural choice, but Maven Central as
// reachable here serves no build of it, so the launcher that starts Zipkin also opens this door
// in its own process: it converts each request (otlp-to-zipkin.ts) and posts it to Zipkin's
// /api/v2/spans. A door already answering on the port (another launcher's) is reused.
import * as http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { zipkinSpansOf, type OtlpTraceRequest } from './otlp-to-zipkin';
import { portOpen, type LogFn } from './proc';

const IDENTITY = 'crosscheck-otlp-door';
/** The OTLP exporter's batches are a few hundred KB; the bound only stops a runaway body. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface OtlpDoor {
  /** Where services send traces: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
  tracesUrl: string;
  openedHere: boolean;
  close(): Promise<void>;
}

export async function openOtlpDoor(opts: { port: number; zipkinUrl: string; log?: LogFn }): Promise<OtlpDoor> {
  const base = `http://127.0.0.1:${opts.port}`;
  const tracesUrl = `${base}/v1/traces`;
  if (await portOpen(opts.port)) {
    if (await answersAsDoor(base)) return { tracesUrl, openedHere: false, close: async () => undefined };
    throw new Error(`Port ${opts.port} is in use by something that is not crosscheck's OTLP door; free it.`);
  }
  const spansUrl = `${opts.zipkinUrl}/api/v2/spans`;
  const server = http.createServer((request, response) => {
    void answer(request, response, spansUrl, opts.log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  // The launcher's own work decides when its process ends, never this door.
  server.unref();
  opts.log?.(`OTLP traces accepted on ${tracesUrl}, forwarded to Zipkin`);
  return {
    tracesUrl,
    openedHere: true,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function answer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  spansUrl: string,
  log: LogFn | undefined,
): Promise<void> {
  const reply = (status: number, body: object): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (request.method === 'GET' && request.url === '/health') return reply(200, { status: 'UP', service: IDENTITY });
  if (request.method !== 'POST' || request.url !== '/v1/traces')
    return reply(404, { error: 'POST /v1/traces is the only route' });
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    return reply(415, { error: 'only OTLP/HTTP JSON is accepted here (content-type application/json)' });

  let otlp: OtlpTraceRequest;
  try {
    otlp = JSON.parse(await bodyOf(request)) as OtlpTraceRequest;
  } catch (error) {
    return reply(400, { error: `not an OTLP JSON request: ${(error as Error).message}` });
  }
  const spans = zipkinSpansOf(otlp);
  if (spans.length === 0) return reply(200, {});
  try {
    const forwarded = await fetch(spansUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spans),
      signal: AbortSignal.timeout(10_000),
    });
    if (!forwarded.ok) throw new Error(`Zipkin answered ${forwarded.status}`);
    reply(200, {});
  } catch (error) {
    // 503 makes the exporter retry the batch later (a restarting Zipkin, say).
    log?.(`OTLP door: ${spans.length} span(s) not forwarded: ${(error as Error).message}`);
    reply(503, { error: `Zipkin did not take the spans: ${(error as Error).message}` });
  }
}

function bodyOf(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const body = Buffer.concat(chunks);
        // OTEL_EXPORTER_OTLP_COMPRESSION=gzip is the exporter's one other choice.
        resolve((request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
      } catch (error) {
        reject(error as Error);
      }
    });
    request.on('error', reject);
  });
}

async function answersAsDoor(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok && (await response.text()).includes(IDENTITY);
  } catch {
    return false;
  }
}
