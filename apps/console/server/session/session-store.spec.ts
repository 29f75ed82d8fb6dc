import { clearedSessionCookie, sessionCookie, sessionIdFrom, SessionStore } from './session-store';

const analyst = { key: 'cck_k1_secret', agency: 'FRA', keyId: 'k1', roles: ['analyst'] };

describe('SessionStore', () => {
  it('finds the analyst of a session it opened, and no one for an unknown id', () => {
    const store = new SessionStore(60_000);
    const id = store.open(analyst);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.find(id)).toEqual(analyst);
    expect(store.find('x'.repeat(43))).toBeUndefined();
    expect(store.find(undefined)).toBeUndefined();
  });

  it('gives every sign-in its own id', () => {
    const store = new SessionStore(60_000);
    expect(store.open(analyst)).not.toBe(store.open(analyst));
  });

  it('forgets a session left idle too long, but keeps one in use alive', () => {
    let now = 0;
    const store = new SessionStore(1_000, () => now);
    const used = store.open(analyst);
    const idle = store.open(analyst);
    now = 800;
    expect(store.find(used)).toBeDefined();
    now = 1_600;
    expect(store.find(used)).toBeDefined();
    expect(store.find(idle)).toBeUndefined();
  });

  it('drops idle sessions when opening new ones, so abandoned ones do not pile up', () => {
    let now = 0;
    const store = new SessionStore(1_000, () => now);
    store.open(analyst);
    store.open(analyst);
    now = 5_000;
    store.open(analyst);
    expect(store.size).toBe(1);
  });

  it('signs out', () => {
    const store = new SessionStore(60_000);
    const id = store.open(analyst);
    store.close(id);
    expect(store.find(id)).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change a session', () => {
    const store = new SessionStore(60_000);
    const id = store.open(analyst);
    store.find(id)!.roles.push('admin');
    expect(store.find(id)!.roles).toEqual(['analyst']);
  });
});

describe('session cookies', () => {
  const id = 'a'.repeat(43);

  it('are HttpOnly, SameSite=Strict and for the whole site', () => {
    expect(sessionCookie(id, { secure: false, maxAgeSeconds: 60 })).toBe(
      `crosscheck_session=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=60`,
    );
    expect(sessionCookie(id, { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe(
      'crosscheck_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    );
  });

  it.each([
    [`crosscheck_session=${id}`, id],
    [`theme=dark; crosscheck_session=${id}; other=1`, id],
    ['theme=dark', undefined],
    ['crosscheck_session=short', undefined],
    [`crosscheck_session=${'a'.repeat(42)};`, undefined],
    [undefined, undefined],
  ])('are read from %p', (header, expected) => {
    expect(sessionIdFrom(header)).toBe(expected);
  });
});
