/**
 * Agencies and their API keys, as intake (the front door) keeps them. Also the
 * `CredentialStore` that `ApiKeyGuard` asks on every request.
 */
import { Injectable } from '@nestjs/common';
import { CredentialStore, isRole, Role, StoredKey } from '@crosscheck/auth';
import { DataSource, EntityManager } from 'typeorm';

export interface Agency {
  code: string;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface KeySummary {
  keyId: string;
  agency: string;
  roles: Role[];
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** How long a looked-up key is trusted without asking the database again: the delay of a revocation. */
const KEY_CACHE_MS = 2_000;
const KEY_CACHE_SIZE = 10_000;

@Injectable()
export class AgenciesRepository implements CredentialStore {
  private readonly keyCache = new Map<string, { key: StoredKey | undefined; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async findKey(keyId: string): Promise<StoredKey | undefined> {
    const cached = this.keyCache.get(keyId);
    if (cached && cached.until > Date.now()) return cached.key;
    const key = await this.keyState(this.dataSource.manager, keyId);
    if (this.keyCache.size >= KEY_CACHE_SIZE) this.keyCache.clear();
    this.keyCache.set(keyId, { key, until: Date.now() + KEY_CACHE_MS });
    return key;
  }

  /** Those of `codes` that name no agency of the exchange. */
  async unknownCodes(manager: EntityManager, codes: string[]): Promise<Set<string>> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return new Set();
    const rows: { code: string }[] = await manager.query('SELECT code FROM agencies WHERE code = ANY($1)', [wanted]);
    const known = new Set(rows.map((row) => row.code));
    return new Set(wanted.filter((code) => !known.has(code)));
  }

  /** Rotations and revocations made by this instance take effect at once here. */
  forget(keyId: string): void {
    this.keyCache.delete(keyId);
  }

  /** The key as authentication sees it: what the guard checks, and what is replicated to the other services. */
  async keyState(manager: EntityManager, keyId: string): Promise<StoredKey | undefined> {
    const rows: {
      key_id: string;
      agency_code: string;
      roles: string[];
      secret_hash: string;
      revoked_at: Date | null;
      disabled_at: Date | null;
    }[] = await manager.query(
      `SELECT k.key_id, k.agency_code, k.roles, k.secret_hash, k.revoked_at, a.disabled_at
           FROM api_keys k JOIN agencies a ON a.code = k.agency_code WHERE k.key_id = $1`,
      [keyId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      keyId: row.key_id,
      agency: row.agency_code,
      roles: row.roles.filter(isRole),
      secretHash: row.secret_hash,
      revoked: row.revoked_at !== null,
      agencyDisabled: row.disabled_at !== null,
    };
  }

  /** Returns undefined when the code is taken. */
  async createAgency(manager: EntityManager, code: string, name: string): Promise<Agency | undefined> {
    const rows: { code: string; name: string; created_at: Date; disabled_at: Date | null }[] = await manager.query(
      'INSERT INTO agencies (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING *',
      [code, name],
    );
    return (
      rows[0] && {
        code: rows[0].code,
        name: rows[0].name,
        createdAt: rows[0].created_at,
        disabledAt: rows[0].disabled_at,
      }
    );
  }

  async agencyExists(manager: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM agencies WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async listAgencies(manager: EntityManager): Promise<Agency[]> {
    const rows: { code: string; name: string; created_at: Date; disabled_at: Date | null }[] = await manager.query(
      'SELECT * FROM agencies ORDER BY code',
    );
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      createdAt: row.created_at,
      disabledAt: row.disabled_at,
    }));
  }

  async insertKey(
    manager: EntityManager,
    key: { keyId: string; agency: string; roles: Role[]; secretHash: string; label: string },
  ): Promise<KeySummary> {
    const rows: KeyRow[] = await manager.query(
      `INSERT INTO api_keys (key_id, agency_code, roles, secret_hash, label) VALUES ($1, $2, $3, $4, $5)
       RETURNING key_id, agency_code, roles, label, created_at, revoked_at`,
      [key.keyId, key.agency, key.roles, key.secretHash, key.label],
    );
    return toSummary(rows[0]);
  }

  async findKeySummary(manager: EntityManager, keyId: string, lock = false): Promise<KeySummary | undefined> {
    const rows: KeyRow[] = await manager.query(
      `SELECT key_id, agency_code, roles, label, created_at, revoked_at FROM api_keys WHERE key_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [keyId],
    );
    return rows[0] && toSummary(rows[0]);
  }

  async listKeys(manager: EntityManager, agency: string): Promise<KeySummary[]> {
    const rows: KeyRow[] = await manager.query(
      'SELECT key_id, agency_code, roles, label, created_at, revoked_at FROM api_keys WHERE agency_code = $1 ORDER BY created_at',
      [agency],
    );
    return rows.map(toSummary);
  }

  async revokeKey(manager: EntityManager, keyId: string, replacedBy?: string): Promise<void> {
    this.forget(keyId);
    await manager.query(
      'UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()), replaced_by = $2 WHERE key_id = $1',
      [keyId, replacedBy ?? null],
    );
  }
}

interface KeyRow {
  key_id: string;
  agency_code: string;
  roles: string[];
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

function toSummary(row: KeyRow): KeySummary {
  return {
    keyId: row.key_id,
    agency: row.agency_code,
    roles: row.roles.filter(isRole),
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
