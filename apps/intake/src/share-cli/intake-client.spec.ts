import { backoffMs, FatalShareError, postBatch, PostBatchRequest, retryAfterMs } from './intake-client';

const request: PostBatchRequest = {
  baseUrl: 'http://intake.test/',
  apiKey: 'k3y',
  body: '[{"externalRef":"A"}]',
  count: 1,
  idempotencyKey: 'abc-1',
  label: 'batch 1 (lines 2-2)',
};
const created = { summary: { created: 1 }, results: [{ index: 0, status: 201, outcome: 'created', id: 'x' }] };

const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
const refused = () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));

/** A fetch that plays the given answers in turn, and a sleep that only records how long it was asked to wait. */
function fake(...answers: (() => Promise<Response>)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const waits: number[] = [];
  const notices: string[] = [];
  const options = {
    fetch: ((url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    }) as typeof fetch,
    sleep: async (ms: number) => void waits.push(ms),
    notify: (message: string) => void notices.push(message),
  };
  return { options, calls, waits, notices };
}

it('posts the batch as JSON with the key and the Idempotency-Key, and returns intake’s results', async () => {
  const { options, calls } = fake(answer(200, created, { 'idempotent-replayed': 'true' }));
  await expect(postBatch(request, options)).resolves.toEqual({ results: created.results, replayed: true });
  expect(calls[0]!.url).toBe('http://intake.test/v1/records/batch');
  expect(calls[0]!.init).toMatchObject({
    method: 'POST',
    body: request.body,
    headers: { authorization: 'Bearer k3y', 'content-type': 'application/json', 'idempotency-key': 'abc-1' },
  });
});

it('waits as long as Retry-After says on 429, then goes on', async () => {
  const { options, waits, notices } = fake(
    answer(429, { error: { code: 'rate_limited' } }, { 'retry-after': '3' }),
    answer(200, created),
  );
  await expect(postBatch(request, options)).resolves.toMatchObject({ replayed: false });
  expect(waits).toEqual([3000]);
  expect(notices).toEqual(['batch 1 (lines 2-2): rate limited by intake; waiting 3.0 s as it asks']);
});

it('retries 5xx, network errors and a batch still being written, with backoff', async () => {
  const { options, waits } = fake(
    answer(503, {}),
    refused,
    answer(409, { error: { code: 'idempotency_key_in_use' } }),
    answer(200, created),
  );
  await expect(postBatch(request, { ...options, maxAttempts: 4 })).resolves.toMatchObject({ results: created.results });
  expect(waits).toHaveLength(3);
  expect(waits[1]!).toBeGreaterThan(waits[0]!);
});

it('gives up after maxAttempts tries on an unreachable intake, saying so', async () => {
  const { options, calls } = fake(refused, refused, refused);
  await expect(postBatch(request, { ...options, maxAttempts: 3 })).rejects.toThrow(
    new FatalShareError(
      'batch 1 (lines 2-2): cannot reach intake at http://intake.test/ (ECONNREFUSED); gave up after 3 tries',
    ),
  );
  expect(calls).toHaveLength(3);
});

it.each([
  [401, { error: { code: 'unauthenticated', message: 'unknown key' } }, /^401: the API key is not valid/],
  [403, { error: { code: 'forbidden' } }, /^403: this API key may not share records; it needs the agency role/],
  [
    413,
    { error: { code: 'payload_too_large' } },
    /^413: batch 1 \(lines 2-2\) \(1 records, 0.0 MiB\) is larger than intake accepts; try a smaller --batch/,
  ],
  [422, { error: { code: 'idempotency_key_reused' } }, /Idempotency-Key abc-1.*pass a new --idempotency-prefix/],
  [
    400,
    { error: { code: 'validation_failed', message: 'records: must hold at most 1000 records' } },
    /refused the batch as a whole: 400: records: must hold at most 1000 records/,
  ],
])('stops at once on %i', async (status, body, message) => {
  const { options, calls } = fake(answer(status, body));
  await expect(postBatch(request, options)).rejects.toThrow(message);
  expect(calls).toHaveLength(1);
});

it('refuses an answer without one result per record', async () => {
  const { options } = fake(answer(200, { results: [] }));
  await expect(postBatch(request, options)).rejects.toThrow(/does not hold one result per record/);
});

it.each([
  ['5', 5000],
  [' 0 ', 0],
  ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
  ['soon', undefined],
  [null, undefined],
  ['99999', 120_000],
])('reads Retry-After %j as %j ms', (header, ms) => {
  expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
});

it('backs off exponentially, with jitter, up to 10 s', () => {
  expect([1, 2, 3, 4, 10].map((failures) => backoffMs(failures, () => 0.5))).toEqual([500, 1000, 2000, 4000, 10_000]);
  expect(backoffMs(1, () => 0)).toBe(400);
  expect(backoffMs(1, () => 1)).toBe(600);
});
