/**
 * `GET /v1/admin/journey/{recordId}?entityId=`: alerting's part of a record's
 * journey, for operators: the alerts it raised (for whom, when, retracted or
 * not, trace), their webhook deliveries, and the dead letters keyed by the
 * record or its entity. Ids, states and times only, never content.
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited, RequireRoles } from '@crosscheck/auth';
import { invalidField, isUuid, OpenApiOperation } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';

@Controller('v1/admin/journey')
@RequireRoles('operator')
export class RecordJourneyHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id')
  @Audited('journey.read')
  @OpenApiOperation({ summary: 'Alerting’s part of a record’s journey: alerts, deliveries, retractions, dead letters' })
  async read(@Param('id') recordId: string, @Query('entityId') entityId?: string) {
    if (!isUuid(recordId)) throw invalidField('id', 'isUuid', 'must be a record id');
    if (entityId !== undefined && (typeof entityId !== 'string' || !isUuid(entityId)))
      throw invalidField('entityId', 'isUuid', 'must be an entity id');
    const alerts: {
      alert_id: string;
      agency: string;
      kind: string;
      level: string;
      dataset: string;
      entry_id: string;
      status: string;
      raised_at: Date;
      updated_at: Date;
      retracted_at: Date | null;
      trace_id: string | null;
      pending: number;
      delivered: number;
      dead: number;
      last_delivered_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT a.alert_id, a.agency, a.kind, a.level, a.dataset, a.entry_id, a.status, a.raised_at, a.updated_at,
              a.retracted_at, a.trace_id,
              count(d.*) FILTER (WHERE d.status = 'pending')::int AS pending,
              count(d.*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
              count(d.*) FILTER (WHERE d.status = 'dead')::int AS dead,
              max(d.delivered_at) AS last_delivered_at
         FROM alerts a LEFT JOIN webhook_deliveries d ON d.alert_id = a.alert_id
        WHERE a.record_id = $1
        GROUP BY a.alert_id ORDER BY a.raised_at, a.alert_id`,
      [recordId],
    );
    const deadLetters: {
      dead_letter_id: string;
      topic: string;
      partition: number;
      status: string;
      failed_at: Date;
      error: string;
      consumer_group: string;
    }[] = await this.dataSource.query(
      `SELECT dead_letter_id, topic, partition, status, failed_at, error, consumer_group FROM dead_letters
        WHERE message_key = ANY(ARRAY[convert_to($1, 'UTF8'), convert_to($2, 'UTF8')]) ORDER BY dead_letter_id`,
      [recordId, entityId ?? recordId],
    );
    return {
      recordId,
      alerts: alerts.map((alert) => ({
        alertId: alert.alert_id,
        agency: alert.agency,
        kind: alert.kind,
        level: alert.level,
        dataset: alert.dataset,
        entryId: alert.entry_id,
        status: alert.status,
        raisedAt: alert.raised_at.toISOString(),
        updatedAt: alert.updated_at.toISOString(),
        retractedAt: alert.retracted_at?.toISOString() ?? null,
        traceId: alert.trace_id,
        webhookDeliveries: {
          pending: alert.pending,
          delivered: alert.delivered,
          dead: alert.dead,
          lastDeliveredAt: alert.last_delivered_at?.toISOString() ?? null,
        },
      })),
      deadLetters: deadLetters.map((letter) => ({
        deadLetterId: String(letter.dead_letter_id),
        topic: letter.topic,
        partition: letter.partition,
        status: letter.status,
        failedAt: letter.failed_at.toISOString(),
        error: letter.error,
        consumerGroup: letter.consumer_group,
      })),
    };
  }
}
