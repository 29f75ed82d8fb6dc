/**
 * `GET /v1/admin/journey?agency=FRA&externalRef=FR-2026-0001` or `?recordId=`:
 * intake's part of a record's journey, for operators. Ids, times and traces
 * only: a journey never carries a record's content, whoever owns it.
 */
import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { Audited, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, isUuid, OpenApiOperation } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { RecordJourneyRepository } from '../persistence/record-journey.repository';

const AGENCY_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

@Controller('v1/admin/journey')
@RequireRoles('operator')
export class RecordJourneyHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: RecordJourneyRepository,
  ) {}

  @Get()
  @Audited('journey.read')
  @OpenApiOperation({ summary: 'Intake’s part of a record’s journey: accepted changes, traces, outbox backlog' })
  async read(@Query() query: Record<string, unknown>) {
    const recordId = await this.recordIdOf(query);
    const journey = recordId && (await this.journeys.journey(this.dataSource.manager, recordId));
    if (!journey) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'no such record');
    return journey;
  }

  private async recordIdOf(query: Record<string, unknown>): Promise<string | undefined> {
    const unknown = Object.keys(query).find((name) => !['agency', 'externalRef', 'recordId'].includes(name));
    if (unknown !== undefined)
      throw invalidField(unknown.slice(0, 40), 'unknownParameter', 'use recordId, or agency and externalRef');
    for (const [field, value] of Object.entries(query))
      if (typeof value !== 'string') throw invalidField(field, 'singleValue', 'must be given once');
    const { agency, externalRef, recordId } = query as Record<string, string | undefined>;
    if (recordId !== undefined) {
      if (agency !== undefined || externalRef !== undefined)
        throw invalidField('recordId', 'oneWay', 'give recordId, or agency and externalRef, not both');
      if (!isUuid(recordId)) throw invalidField('recordId', 'isUuid', 'must be a record id');
      return recordId;
    }
    if (agency === undefined)
      throw invalidField('agency', 'isDefined', 'is required with externalRef (or give recordId)');
    if (!AGENCY_CODE.test(agency.toUpperCase())) throw invalidField('agency', 'isAgencyCode', 'must be an agency code');
    if (externalRef === undefined || externalRef.length === 0 || externalRef.length > 200)
      throw invalidField('externalRef', 'length', 'is required with agency, 1 to 200 characters');
    return this.journeys.findRecordId(this.dataSource.manager, agency.toUpperCase(), externalRef);
  }
}
