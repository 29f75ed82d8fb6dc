/**
 * `GET /v1/admin/journey/{recordId}`: dedup's part of a record's journey, for
 * operators: when it was resolved, into which entity, by which decision. Ids,
 * times and scores only, never the record's content.
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
  @OpenApiOperation({ summary: 'Dedup’s part of a record’s journey: entity, decision, score, when resolved' })
  async read(@Param('id') recordId: string) {
    const rows: {
      entity_id: string | null;
      surviving_id: string | null;
      decision: string;
      score: number;
      record_version: number;
      joined_at: Date;
      resolved_at: Date | null;
      withdrawn_at: Date | null;
    }[] = isUuid(recordId)
      ? await this.dataSource.query(
          // A merged entity points at its survivor: the journey names the entity the record is in now.
          `SELECT m.entity_id, COALESCE(e.merged_into, m.entity_id) AS surviving_id, m.decision, m.score,
                  m.record_version, m.joined_at, m.resolved_at, m.withdrawn_at
             FROM entity_members m LEFT JOIN entities e ON e.entity_id = m.entity_id
            WHERE m.record_id = $1`,
          [recordId],
        )
      : [];
    const member = rows[0];
    if (!member) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'dedup has not resolved this record');
    return {
      recordId,
      entityId: member.surviving_id,
      decision: member.decision,
      score: member.score,
      recordVersion: member.record_version,
      joinedAt: member.joined_at.toISOString(),
      resolvedAt: (member.resolved_at ?? member.joined_at).toISOString(),
      withdrawnAt: member.withdrawn_at?.toISOString() ?? null,
    };
  }
}
