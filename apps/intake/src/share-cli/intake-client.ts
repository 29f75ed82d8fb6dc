/**
 * The share CLI's one request to intake: `POST /v1/records/batch` with an
 * agency key and an Idempotency-Key, retried while retrying can help, and
 * otherwise turned into a FatalShareError whose message says what to do.
 *
 * Retried: network errors and timeouts, 5xx, 409 idempotency_key_in_use (the
 * same batch is still being written by an earlier try), each up to
 * `maxAttempts` tries with exponential backoff (0.5 s, 1 s, 2 s, ...); 429,
 * waiting as long as Retry-After says, up to `maxRateLimitWaits` times, since
 * a long file may meet the agency's rate limit often. Retrying is safe: the
 * Idempotency-Key makes intake answer a batch it has already written with its
 * first answer and change nothing.
 */

export interface FieldProblem {
  field: string;
  rule?: string;
  message: string;
}

/** One item's answer, as intake gives it. */
export interface IntakeItemResult {
  index: number;
  status: number;
  outcome?: 'created' | 'updated' | 'unchanged';
  id?: string;
  externalRef?: string;
  error?: { code: string; message: string; details?: FieldProblem[] };
}

export interface IntakeBatchAnswer {
  results: IntakeItemResult[];
  /** Intake answered from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** Sharing cannot go on; the message is for the person running the CLI. */
export class FatalShareError extends Error {}

export interface PostBatchRequest {
  baseUrl: string;
  apiKey: string;
  /** The batch as a JSON array. */
  body: string;
  count: number;
  idempotencyKey: string;
  /** Names the batch in messages, e.g. `batch 3 (lines 2001-3000)`. */
  label: string;
}

export interface IntakeClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told about each retry, for the person watching. */
  notify?: (message: string) => void;
  /** Aborts waits and requests: the user asked to stop at once. */
  signal?: AbortSignal;
  maxAttempts?: number;
  maxRateLimitWaits?: number;
  requestTimeoutMs?: number;
}

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const RETRY_AFTER_MAX_MS = 120_000;

export async function postBatch(
  request: PostBatchRequest,
  options: IntakeClientOptions = {},
): Promise<IntakeBatchAnswer> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? sleepFor;
  const maxAttempts = options.maxAttempts ?? 5;
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 30;
  const url = `${request.baseUrl.replace(/\/+$/, '')}/v1/records/batch`;
  let failures = 0;
  let rateLimitWaits = 0;
  let lastProblem = '';

  for (;;) {
    options.signal?.throwIfAborted();
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? 120_000);
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${request.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': request.idempotencyKey,
        },
        body: request.body,
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      lastProblem = `cannot reach intake at ${request.baseUrl} (${networkProblem(error)})`;
      await backOff();
      continue;
    }

    const status = response.status;
    if (status === 200) return readAnswer(response, request);
    const body = await readJson(response);
    const problem = `${status}${body.error?.message ? `: ${body.error.message}` : ''}`;
    if (status === 401)
      throw new FatalShareError(
        `401: the API key is not valid (intake at ${request.baseUrl} does not know it, or it was revoked or rotated)`,
      );
    if (status === 403) throw new FatalShareError(`403: this API key may not share records; it needs the agency role`);
    if (status === 404) throw new FatalShareError(`404: ${url} is not there; is ${request.baseUrl} intake's address?`);
    if (status === 413)
      throw new FatalShareError(
        `413: ${request.label} (${request.count} records, ${(Buffer.byteLength(request.body) / 1048576).toFixed(1)} MiB) is larger than intake accepts; try a smaller --batch`,
      );
    if (status === 422 && body.error?.code === 'idempotency_key_reused') {
      throw new FatalShareError(
        `422: intake has already answered a different ${request.label} under Idempotency-Key ${request.idempotencyKey}; ` +
          `the file or --batch changed since that run: pass a new --idempotency-prefix to share it afresh (records already shared are answered unchanged)`,
      );
    }
    if (status === 429) {
      if (++rateLimitWaits > maxRateLimitWaits)
        throw new FatalShareError(
          `${request.label}: intake still answered 429 (rate limited) after ${maxRateLimitWaits} waits; try again later`,
        );
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(rateLimitWaits);
      options.notify?.(`${request.label}: rate limited by intake; waiting ${formatWait(wait)} as it asks`);
      await sleep(wait, options.signal);
      continue;
    }
    if (status >= 500 || (status === 409 && body.error?.code === 'idempotency_key_in_use')) {
      lastProblem = `intake answered ${problem}`;
      await backOff();
      continue;
    }
    throw new FatalShareError(`${request.label}: intake refused the batch as a whole: ${problem}`);
  }

  async function backOff(): Promise<void> {
    if (++failures >= maxAttempts)
      throw new FatalShareError(`${request.label}: ${lastProblem}; gave up after ${maxAttempts} tries`);
    const wait = backoffMs(failures);
    options.notify?.(
      `${request.label}: ${lastProblem}; retrying in ${formatWait(wait)} (try ${failures + 1} of ${maxAttempts})`,
    );
    await sleep(wait, options.signal);
  }
}

async function readAnswer(response: Response, request: PostBatchRequest): Promise<IntakeBatchAnswer> {
  const body = (await readJson(response)) as { results?: unknown };
  const results = body.results;
  if (!Array.isArray(results) || results.length !== request.count) {
    throw new FatalShareError(
      `${request.label}: intake's answer does not hold one result per record; is ${request.baseUrl} a crosscheck intake?`,
    );
  }
  return { results: results as IntakeItemResult[], replayed: response.headers.get('idempotent-replayed') === 'true' };
}

async function readJson(
  response: Response,
): Promise<{ error?: { code?: string; message?: string } } & Record<string, unknown>> {
  try {
    const value = (await response.json()) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, never>) : {};
  } catch {
    return {};
  }
}

function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const wait = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now;
  if (Number.isNaN(wait)) return undefined;
  return Math.min(Math.max(wait, 0), RETRY_AFTER_MAX_MS);
}

export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(BACKOFF_FIRST_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
