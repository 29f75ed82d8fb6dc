/**
 * What an admin does with agencies and keys: create an agency, issue a key
 * (shown once), rotate it (a new key replaces the old, which stops working),
 * revoke it. Used by the admin API and the admin CLI alike.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { issueApiKey, Role } from '@crosscheck/auth';
import { ApiError } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { AgenciesRepository, Agency, KeySummary } from '../agencies/agencies.repository';

export interface NewKey extends KeySummary {
  /** The key itself: shown in this answer only, stored nowhere. */
  key: string;
}

@Injectable()
export class ManageAgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgenciesRepository,
  ) {}

  async createAgency(code: string, name: string): Promise<Agency> {
    const created = await this.agencies.createAgency(this.dataSource.manager, code, name);
    if (!created) throw new ApiError(HttpStatus.CONFLICT, 'conflict', `agency ${code} already exists`);
    return created;
  }

  listAgencies(): Promise<Agency[]> {
    return this.agencies.listAgencies(this.dataSource.manager);
  }

  async listKeys(agency: string): Promise<KeySummary[]> {
    await this.requireAgency(agency);
    return this.agencies.listKeys(this.dataSource.manager, agency);
  }

  async issueKey(agency: string, roles: Role[], label: string): Promise<NewKey> {
    await this.requireAgency(agency);
    const issued = issueApiKey();
    const summary = await this.agencies.insertKey(this.dataSource.manager, { keyId: issued.keyId, agency, roles, secretHash: issued.secretHash, label });
    return { ...summary, key: issued.token };
  }

  /** The new key has the old one's agency, roles and label; the old one stops working at once. */
  async rotateKey(keyId: string): Promise<NewKey> {
    return this.dataSource.transaction(async (transaction) => {
      const old = await this.agencies.findKeySummary(transaction, keyId, true);
      if (!old) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `key ${keyId} not found`);
      if (old.revokedAt) throw new ApiError(HttpStatus.CONFLICT, 'conflict', `key ${keyId} is revoked; issue a new key instead`);
      const issued = issueApiKey();
      const summary = await this.agencies.insertKey(transaction, { keyId: issued.keyId, agency: old.agency, roles: old.roles, secretHash: issued.secretHash, label: old.label });
      await this.agencies.revokeKey(transaction, keyId, issued.keyId);
      return { ...summary, key: issued.token };
    });
  }

  async revokeKey(keyId: string): Promise<KeySummary> {
    const key = await this.agencies.findKeySummary(this.dataSource.manager, keyId);
    if (!key) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `key ${keyId} not found`);
    await this.agencies.revokeKey(this.dataSource.manager, keyId);
    return (await this.agencies.findKeySummary(this.dataSource.manager, keyId))!;
  }

  private async requireAgency(code: string): Promise<void> {
    if (!(await this.agencies.agencyExists(this.dataSource.manager, code))) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `agency ${code} not found`);
    }
  }
}
