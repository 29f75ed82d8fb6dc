/**
 * What an admin does with agencies and keys: create an agency, issue a key
 * (shown once), rotate it (a new key replaces the old, which stops working),
 * revoke it. Used by the admin API and the admin CLI alike.
 *
 * Every change to a key is published on `identity.keys.v1` in the same
 * transaction, so the other services authenticate callers from their own
 * replica of the keys and never read intake's tables.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { issueApiKey, Role } from '@crosscheck/auth';
import { ApiKeyStateSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesRepository, Agency, KeySummary } from '../persistence/agencies.repository';

export interface NewKey extends KeySummary {
  /** The key itself: shown in this answer only, stored nowhere. */
  key: string;
}

@Injectable()
export class ManageAgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly outbox: Outbox,
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
    return this.dataSource.transaction(async (transaction) => {
      const summary = await this.agencies.insertKey(transaction, {
        keyId: issued.keyId,
        agency,
        roles,
        secretHash: issued.secretHash,
        label,
      });
      await this.publishKeyStates(transaction, issued.keyId);
      return { ...summary, key: issued.token };
    });
  }

  /** The new key has the old one's agency, roles and label; the old one stops working at once. */
  async rotateKey(keyId: string): Promise<NewKey> {
    return this.dataSource.transaction(async (transaction) => {
      const old = await this.agencies.findKeySummary(transaction, keyId, true);
      if (!old) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `key ${keyId} not found`);
      if (old.revokedAt)
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', `key ${keyId} is revoked; issue a new key instead`);
      const issued = issueApiKey();
      const summary = await this.agencies.insertKey(transaction, {
        keyId: issued.keyId,
        agency: old.agency,
        roles: old.roles,
        secretHash: issued.secretHash,
        label: old.label,
      });
      await this.agencies.revokeKey(transaction, keyId, issued.keyId);
      await this.publishKeyStates(transaction, issued.keyId, keyId);
      return { ...summary, key: issued.token };
    });
  }

  async revokeKey(keyId: string): Promise<KeySummary> {
    return this.dataSource.transaction(async (transaction) => {
      const key = await this.agencies.findKeySummary(transaction, keyId, true);
      if (!key) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `key ${keyId} not found`);
      await this.agencies.revokeKey(transaction, keyId);
      await this.publishKeyStates(transaction, keyId);
      return (await this.agencies.findKeySummary(transaction, keyId))!;
    });
  }

  private async publishKeyStates(transaction: EntityManager, ...keyIds: string[]): Promise<void> {
    const changedAt = timestampNow();
    const states = await Promise.all(keyIds.map((keyId) => this.agencies.keyState(transaction, keyId)));
    await this.outbox.enqueue(
      transaction,
      ...states.map((state) => ({
        topic: Topics.identityKeys,
        key: state!.keyId,
        schema: ApiKeyStateSchema,
        message: create(ApiKeyStateSchema, { ...state!, changedAt }),
      })),
    );
  }

  private async requireAgency(code: string): Promise<void> {
    if (!(await this.agencies.agencyExists(this.dataSource.manager, code))) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `agency ${code} not found`);
    }
  }
}
