/**
 * `GET /v1/records`: the records an agency may see, newest first, filtered by
 * kind, owner or identifier (normalised the way intake stores it), a page at a
 * time with an opaque cursor.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { normalizeDocumentNumber } from '@crosscheck/resolution';
import { invalidField, isUuid } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { recordView } from '../model/record.view';
import { RecordsRepository } from '../persistence/records.repository';
import { RECORD_KINDS } from '@crosscheck/records';

@Controller('v1/records')
@RequireRoles('agency', 'analyst')
export class ListRecordsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
  ) {}

  @Get()
  @Audited('record.list')
  async list(
    @CurrentCaller() caller: Caller,
    @Query('kind') kind?: string,
    @Query('owner') owner?: string,
    @Query('identifier') identifier?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit = '50',
  ) {
    if (kind !== undefined && !(RECORD_KINDS as readonly string[]).includes(kind))
      throw invalidField('kind', 'query', `must be one of ${RECORD_KINDS.join(', ')}`);
    if (owner !== undefined && !/^[A-Z][A-Z0-9-]{1,15}$/.test(owner))
      throw invalidField('owner', 'query', 'must be an agency code');
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 500)
      throw invalidField('limit', 'query', 'must be a whole number from 1 to 500');
    const pageSize = Number(limit);
    const records = await this.records.list(this.dataSource.manager, {
      agency: caller.agency,
      kind,
      owner,
      // Document numbers, VINs and serials all normalise to letters and digits.
      identifier: identifier === undefined ? undefined : normalizeDocumentNumber(identifier),
      before: cursor === undefined ? undefined : decodeCursor(cursor),
      limit: pageSize,
    });
    const last = records[records.length - 1];
    return {
      records: records.map(recordView),
      nextCursor: records.length === pageSize && last ? encodeCursor(last.createdAt, last.recordId) : null,
    };
  }
}

function encodeCursor(createdAt: Date, recordId: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${recordId}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; recordId: string } {
  const [at, recordId] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !isUuid(recordId ?? ''))
    throw invalidField('cursor', 'query', 'must be a cursor from a previous page');
  return { createdAt, recordId };
}
