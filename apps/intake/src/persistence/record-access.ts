/**
 * Finding a record on behalf of an agency. One that it may not see is
 * answered exactly like one that does not exist (404); one it may see but does
 * not own cannot be changed by it (403).
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import { EntityManager } from 'typeorm';
import { mayView } from '../model/record.view';
import type { StoredRecord } from '../model/record';
import { RecordsRepository } from './records.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

@Injectable()
export class RecordAccess {
  constructor(private readonly records: RecordsRepository) {}

  async visible(manager: EntityManager, agency: string, recordId: string): Promise<StoredRecord> {
    const record = UUID.test(recordId) ? await this.records.findById(manager, recordId) : undefined;
    if (!record || !mayView(agency, record)) throw notFound();
    return record;
  }

  /** Locked for the caller's transaction. */
  async owned(manager: EntityManager, agency: string, recordId: string): Promise<StoredRecord> {
    const record = UUID.test(recordId) ? await this.records.findById(manager, recordId, true) : undefined;
    if (!record || !mayView(agency, record)) throw notFound();
    if (record.owner !== agency)
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'only the agency that shared a record can change it');
    return record;
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'record not found');
}
