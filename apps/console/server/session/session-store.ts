/**
 * Signed-in analysts, kept in this process only. The analyst's key stays here,
 * server-side: the browser holds an opaque random session id in an HttpOnly
 * cookie, so no page script (and no injected one) can read or store the key.
 * Restarting the console signs everyone out, which is the safe way round.
 */
import { randomBytes } from 'node:crypto';

export interface Analyst {
  /** The analyst's `cck_…` key, sent on to alerting and dedup as a bearer token. */
  key: string;
  agency: string;
  keyId: string;
  roles: string[];
}

interface Session extends Analyst {
  lastSeenAt: number;
}

export const SESSION_COOKIE = 'crosscheck_session';

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session for a key alerting has just vouched for; returns its id. */
  open(analyst: Analyst): string {
    this.forgetIdle();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { ...analyst, roles: [...analyst.roles], lastSeenAt: this.now() });
    return id;
  }

  /** The analyst behind a session id, if the session is known and not idle for too long; using it keeps it alive. */
  find(id: string | undefined): Analyst | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.now() - session.lastSeenAt > this.idleMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = this.now();
    return { key: session.key, agency: session.agency, keyId: session.keyId, roles: [...session.roles] };
  }

  close(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (now - session.lastSeenAt > this.idleMs) this.sessions.delete(id);
  }
}

/** The session id from a Cookie header, if there is one that looks like ours. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const id = value.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined;
    }
  }
  return undefined;
}

/** Set-Cookie for a new session: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export function sessionCookie(id: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${id}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    'Max-Age=0',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
