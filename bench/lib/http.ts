/**
 * The benchmarks' one way of calling a service: a JSON POST with an agency's
 * bearer key, answered with the status asked for or refused with an error that
 * starts with the status the service gave (`409 {...}`), so that failures can be
 * counted by status.
 */

export interface PostOptions {
  /** The status that counts as success (200 unless told). */
  expect?: number;
  /** Aborts the request (a run's signal, a phase's limit). */
  signal?: AbortSignal;
  /** Gives up on the request after this long (no limit unless told). */
  timeoutMs?: number;
}

/** POSTs `body` (a string is sent as it stands) and returns the answer parsed; empty answers give undefined. */
export async function postJson<Answer = any>(
  url: string,
  key: string,
  body: unknown,
  { expect = 200, signal, timeoutMs }: PostOptions = {},
): Promise<Answer> {
  const limits = [signal, timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs)].filter(
    (limit) => limit !== undefined,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.any(limits),
  });
  const text = await response.text();
  if (response.status !== expect) throw new Error(`${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as Answer;
}

/** GETs `url` with a bearer key; the status and the answer parsed (undefined when it is not JSON), never refused. */
export async function getJson<Answer>(url: string, key: string): Promise<{ status: number; body: Partial<Answer> }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  const text = await response.text();
  let body: Partial<Answer> = {};
  try {
    body = JSON.parse(text) as Partial<Answer>;
  } catch {
    // not JSON: an error page; the status says what happened
  }
  return { status: response.status, body };
}
