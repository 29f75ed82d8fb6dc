/**
 * The credential store of every service but intake: its own table of the keys
 * intake publishes on `identity.keys.v1`. A key works here once its state has
 * arrived (normally within a second of being issued); a revocation takes
 * effect the same way, plus at most KEY_CACHE_MS of caching.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CredentialStore, StoredKey } from '../credential-store';
import { isRole } from '../roles';

const KEY_CACHE_MS = 2_000;
const KEY_CACHE_SIZE = 10_000;

export interface KeyState extends StoredKey {
  changedAt: Date;
}

@Injectable()
export class ReplicatedCredentialStore implements CredentialStore {
  private readonly cache = new Map<string, { key: StoredKey | undefined; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async findKey(keyId: string): Promise<StoredKey | undefined> {
    const cached = this.cache.get(keyId);
    if (cached && cached.until > Date.now()) return cached.key;
    const rows: {
      key_id: string;
      agency: string;
      roles: string[];
      secret_hash: string;
      revoked: boolean;
      agency_disabled: boolean;
    }[] = await this.dataSource.query('SELECT * FROM credentials WHERE key_id = $1', [keyId]);
    const row = rows[0];
    const key = row && {
      keyId: row.key_id,
      agency: row.agency,
      roles: row.roles.filter(isRole),
      secretHash: row.secret_hash,
      revoked: row.revoked,
      agencyDisabled: row.agency_disabled,
    };
    // An unknown key is not cached: it may be one issued a moment ago whose state is on its way.
    if (key) {
      if (this.cache.size >= KEY_CACHE_SIZE) this.cache.clear();
      this.cache.set(keyId, { key, until: Date.now() + KEY_CACHE_MS });
    }
    return key;
  }

  /** Applies a published key state; an older state arriving late never overwrites a newer one. */
  async apply(state: KeyState): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO credentials (key_id, agency, roles, secret_hash, revoked, agency_disabled, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key_id) DO UPDATE SET agency = EXCLUDED.agency, roles = EXCLUDED.roles, secret_hash = EXCLUDED.secret_hash,
         revoked = EXCLUDED.revoked, agency_disabled = EXCLUDED.agency_disabled, changed_at = EXCLUDED.changed_at
       WHERE credentials.changed_at <= EXCLUDED.changed_at`,
      [state.keyId, state.agency, state.roles, state.secretHash, state.revoked, state.agencyDisabled, state.changedAt],
    );
    this.cache.delete(state.keyId);
  }
}
