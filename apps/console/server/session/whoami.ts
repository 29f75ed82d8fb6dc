/**
 * Asks alerting who a key belongs to. The console keeps no key list of its own:
 * alerting (through libs/auth) is the one that knows keys, roles and revocations.
 */
export type WhoamiAnswer =
  | { outcome: 'known'; agency: string; keyId: string; roles: string[] }
  | { outcome: 'unknown' }
  | { outcome: 'forbidden' }
  | { outcome: 'unavailable'; status?: number };

export async function whoami(alertingUrl: string, key: string, timeoutMs = 5_000): Promise<WhoamiAnswer> {
  let response: Response;
  try {
    response = await fetch(`${alertingUrl}/v1/whoami`, {
      headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { outcome: 'unavailable' };
  }
  if (response.status === 401) return { outcome: 'unknown' };
  // whoami takes any role today; should it ever demand one, a 403 still means "known key, wrong role".
  if (response.status === 403) return { outcome: 'forbidden' };
  if (!response.ok) return { outcome: 'unavailable', status: response.status };
  const body = (await response.json().catch(() => undefined)) as
    { agency?: unknown; keyId?: unknown; roles?: unknown } | undefined;
  if (!body || typeof body.agency !== 'string' || typeof body.keyId !== 'string' || !Array.isArray(body.roles))
    return { outcome: 'unavailable', status: response.status };
  return {
    outcome: 'known',
    agency: body.agency,
    keyId: body.keyId,
    roles: body.roles.filter((role): role is string => typeof role === 'string'),
  };
}
