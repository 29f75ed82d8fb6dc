/**
 * Who may do what at intake: agency keys (issued, rotated, revoked by an
 * admin), roles, dissemination on reads (404, never 403, for what an agency may
 * not see), and the append-only audit log of it all.
 */
import { Client } from 'pg';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(120_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('identity');
  await suite.start('intake');
});

afterAll(async () => {
  await suite?.close();
});

const read = async (id: string, key: string) =>
  fetch(`${suite.url('intake')}/v1/records/${id}`, { headers: { authorization: `Bearer ${key}` } }).then(
    async (response) => ({
      status: response.status,
      body: (await response.json()) as any,
    }),
  );

describe('agency keys', () => {
  it.each([
    ['no key', undefined],
    ['a malformed key', 'not-a-key'],
    ['an unknown key', `cck_0123456789abcdef_${'A'.repeat(43)}`],
  ])('%s gets 401', async (_, key) => {
    const response = await fetch(`${suite.url('intake')}/v1/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(unknownPerson()),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).error.code).toBe('unauthenticated');
  });

  it('a known key id with the wrong secret gets 401', async () => {
    const key = await suite.agencies.key('FRA');
    const forged = key.replace(/_[^_]+$/, `_${'B'.repeat(43)}`);
    expect((await shareRecord(suite.url('intake'), forged, unknownPerson())).status).toBe(401);
  });

  it('a key without the role gets 403', async () => {
    const analystOnly = await suite.agencies.key('FRA', ['analyst']);
    const shared = await shareRecord(suite.url('intake'), analystOnly, unknownPerson());
    expect(shared.status).toBe(403);
    expect(shared.body.error.code).toBe('forbidden');
    expect((await suite.agencies.call('GET', '/v1/admin/agencies', await suite.agencies.key('FRA'))).status).toBe(403);
  });

  it('a rotated key stops working and its replacement works', async () => {
    const admin = await suite.agencies.admin();
    const issued = await suite.agencies.call('POST', '/v1/admin/agencies/FRA/keys', admin, {
      roles: ['agency'],
      label: 'rotation',
    });
    expect(issued.status).toBe(201);
    const rotated = await suite.agencies.call('POST', `/v1/admin/keys/${issued.body.keyId}/rotate`, admin);
    expect(rotated.status).toBe(201);
    expect(rotated.body.key).not.toBe(issued.body.key);
    expect((await shareRecord(suite.url('intake'), issued.body.key, unknownPerson())).status).toBe(401);
    expect((await shareRecord(suite.url('intake'), rotated.body.key, unknownPerson())).status).toBe(201);
  });

  it('a revoked key gets 401', async () => {
    const admin = await suite.agencies.admin();
    const issued = await suite.agencies.call('POST', '/v1/admin/agencies/FRA/keys', admin, { roles: ['agency'] });
    expect((await shareRecord(suite.url('intake'), issued.body.key, unknownPerson())).status).toBe(201);
    const revoked = await suite.agencies.call('DELETE', `/v1/admin/keys/${issued.body.keyId}`, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await shareRecord(suite.url('intake'), issued.body.key, unknownPerson())).status).toBe(401);
  });

  it('admin input is validated and keys are never listed', async () => {
    const admin = await suite.agencies.admin();
    const bad = await suite.agencies.call('POST', '/v1/admin/agencies/FRA/keys', admin, { roles: ['superuser'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ field: 'roles', rule: 'isIn' }));
    const listed = await suite.agencies.call('GET', '/v1/admin/agencies/FRA/keys', admin);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/cck_|secret/);
  });
});

describe('dissemination on reads', () => {
  it('shows a record to its owner and to the agencies it names, and to nobody else, who get a plain 404', async () => {
    const [france, germany, italy] = await Promise.all(['FRA', 'DEU', 'ITA'].map((code) => suite.agencies.key(code)));
    const shared = await shareRecord(
      suite.url('intake'),
      france,
      unknownPerson({ dissemination: { scope: 'agencies', agencies: ['DEU'] } }),
    );
    expect(shared.status).toBe(201);
    const id = shared.body.record.id;

    expect((await read(id, france)).status).toBe(200);
    expect((await read(id, germany)).status).toBe(200);
    const hidden = await read(id, italy);
    const missing = await read('6f1c1a0e-4a3b-4a4c-9d1e-000000000000', italy);
    expect(hidden).toEqual({
      status: 404,
      body: {
        error: expect.objectContaining({ code: 'not_found', message: 'record not found' }),
        traceId: expect.any(String),
      },
    });
    expect(hidden.body.error).toEqual(missing.body.error);
  });

  it('keeps owner-only records to their owner', async () => {
    const [france, germany] = await Promise.all(['FRA', 'DEU'].map((code) => suite.agencies.key(code)));
    const shared = await shareRecord(
      suite.url('intake'),
      france,
      unknownPerson({ dissemination: { scope: 'owner-only' } }),
    );
    expect((await read(shared.body.record.id, germany)).status).toBe(404);
    expect((await read(shared.body.record.id, france)).status).toBe(200);
  });
});

describe('the audit log', () => {
  it('records shares and reads, refused ones included, with agency, key, records and trace', async () => {
    const [france, spain] = await Promise.all(['FRA', 'ESP'].map((code) => suite.agencies.key(code)));
    const shared = await shareRecord(
      suite.url('intake'),
      france,
      unknownPerson({ dissemination: { scope: 'owner-only' } }),
    );
    const id = shared.body.record.id;
    await read(id, spain);

    const admin = await suite.agencies.admin();
    const { body } = await suite.agencies.call('GET', `/v1/admin/audit?recordId=${id}`, admin);
    expect(body.entries).toEqual([
      expect.objectContaining({
        agency: 'ESP',
        action: 'record.read',
        recordIds: [id],
        outcome: 'refused',
        status: 404,
      }),
      expect.objectContaining({
        agency: 'FRA',
        action: 'record.share',
        recordIds: [id],
        outcome: 'ok',
        status: 201,
        traceId: shared.traceId,
      }),
    ]);
    expect(body.entries[1].keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(body)).not.toContain('Lindqvist');
  });

  it("writes a share's line in the record's own transaction: one line, stamped with the moment the record was created", async () => {
    const france = await suite.agencies.key('FRA');
    const shared = await shareRecord(suite.url('intake'), france, unknownPerson());
    const update = unknownPerson({ externalRef: shared.body.record.externalRef });
    update.person.nationalities = ['NOR'];
    const again = await shareRecord(suite.url('intake'), france, update);
    expect([shared.status, again.status, again.body.record.version]).toEqual([201, 201, 2]);
    const id = shared.body.record.id;

    const admin = await suite.agencies.admin();
    const { body } = await suite.agencies.call('GET', `/v1/admin/audit?recordId=${id}&action=record.share`, admin);
    expect(body.entries).toHaveLength(2);
    const [updateLine, creationLine] = body.entries;
    // Postgres stamps a transaction's rows with the moment it began: a line written after the record's commit would be later.
    expect(new Date(creationLine.at).toISOString()).toBe(shared.body.record.createdAt);
    expect(new Date(updateLine.at).toISOString()).toBe(again.body.record.updatedAt);
  });

  it('cannot be changed or deleted, even with direct database access', async () => {
    const client = new Client({ connectionString: suite.databaseUrl });
    await client.connect();
    try {
      await expect(client.query('UPDATE intake.audit_log SET outcome = $1', ['ok'])).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM intake.audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});

describe('personal data', () => {
  it('stays out of span attributes and logs, query strings included', async () => {
    const france = await suite.agencies.key('FRA');
    const shared = await shareRecord(
      suite.url('intake'),
      france,
      unknownPerson({ person: { names: [{ given: 'Zebulon', family: 'Quixotely' }], dateOfBirth: '1961-07-04' } }),
    );
    const listed = await fetch(`${suite.url('intake')}/v1/records?identifier=SECRETPASSPORT99`, {
      headers: { authorization: `Bearer ${france}` },
    });
    expect(listed.status).toBe(200);
    const traceIds = [shared.traceId, listed.headers.get('x-trace-id')];

    const spans: unknown[] = [];
    for (const traceId of traceIds) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const response = await fetch(`${suite.zipkinUrl}/api/v2/trace/${traceId}`);
        if (response.ok) {
          spans.push(...((await response.json()) as unknown[]));
          break;
        }
        if (Date.now() > deadline) throw new Error(`trace ${traceId} never reached Zipkin`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
    const exported = JSON.stringify(spans);
    expect(exported).toContain('/v1/records');
    for (const secret of ['Zebulon', 'Quixotely', '1961-07-04', 'SECRETPASSPORT99'])
      expect(exported).not.toContain(secret);

    const { readFileSync } = await import('node:fs');
    const logs = readFileSync(suite.services.intake!.logFile, 'utf8');
    for (const secret of ['Zebulon', 'Quixotely', 'SECRETPASSPORT99']) expect(logs).not.toContain(secret);
  });
});
