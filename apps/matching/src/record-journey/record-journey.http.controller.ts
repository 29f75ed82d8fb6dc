/**
 * `GET /v1/admin/journey/{recordId}`: matching's part of a record's journey, for
 * operators: when it was checked, against which datasets, and what it was
 * found to match (dataset, entry id, level, score, when). Never the content of
 * the record or of the entries.
 */
import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { Audited, RequireRoles } from '@crosscheck/auth';
import { ApiError, isUuid, OpenApiOperation } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';

@Controller('v1/admin/journey')
@RequireRoles('operator')
export class RecordJourneyHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id')
  @Audited('journey.read')
  @OpenApiOperation({ summary: 'Matching’s part of a record’s journey: when checked, datasets, findings' })
  async read(@Param('id') recordId: string) {
    const checked: { entity_id: string; version: number; checked_at: Date | null; left_at: Date | null }[] = isUuid(
      recordId,
    )
      ? await this.dataSource.query(
          'SELECT entity_id, version, checked_at, left_at FROM checked_records WHERE record_id = $1',
          [recordId],
        )
      : [];
    const record = checked[0];
    if (!record) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'matching has not checked this record');
    const datasets: { dataset: string; version: string }[] = await this.dataSource.query(
      'SELECT dataset, version FROM reference_datasets ORDER BY dataset',
    );
    const findings: {
      match_id: string;
      dataset: string;
      entry_id: string;
      level: string;
      score: number;
      found_at: Date;
      updated_at: Date;
      retracted_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT match_id, dataset, entry_id, level, score, found_at, updated_at, retracted_at
         FROM matches WHERE record_id = $1 ORDER BY found_at`,
      [recordId],
    );
    return {
      recordId,
      entityId: record.entity_id,
      recordVersion: record.version,
      checkedAt: record.checked_at?.toISOString() ?? null,
      leftAt: record.left_at?.toISOString() ?? null,
      datasets: datasets.map((row) => ({ dataset: row.dataset, version: Number(row.version) })),
      findings: findings.map((row) => ({
        matchId: row.match_id,
        dataset: row.dataset,
        entryId: row.entry_id,
        level: row.level,
        score: row.score,
        foundAt: row.found_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        retractedAt: row.retracted_at?.toISOString() ?? null,
      })),
    };
  }
}
