/** Operations, and the checks run, hits found and outcomes recorded for them. */
import { Injectable } from '@nestjs/common';
import type { DisseminationRule } from '@crosscheck/auth';
import { bulkInsert } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';
import type { Operation } from '../model/operation';

export interface OperationHitRow {
  /** The UTC day of the check (read back only). */
  day?: string;
  /** The match the hit became (alerts and their outcomes rest on it). */
  matchId: string;
  dataset: string;
  entryId: string;
  level: string;
  noticeColour: string | null;
  entryOwner: string;
  entryDissemination: DisseminationRule;
}

interface CheckOf {
  checkId: string;
  operation: string;
  agency: string;
}

const INSERT_CHECKS = bulkInsert<CheckOf & { dataset: string }>('operation_checks', {
  check_id: ['uuid', (row) => row.checkId],
  operation: ['text', (row) => row.operation],
  agency: ['text', (row) => row.agency],
  dataset: ['text', (row) => row.dataset],
});

const INSERT_HITS = bulkInsert<CheckOf & { hit: OperationHitRow }>('operation_hits', {
  check_id: ['uuid', (row) => row.checkId],
  operation: ['text', (row) => row.operation],
  agency: ['text', (row) => row.agency],
  dataset: ['text', ({ hit }) => hit.dataset],
  entry_id: ['text', ({ hit }) => hit.entryId],
  level: ['text', ({ hit }) => hit.level],
  notice_colour: ['text', ({ hit }) => hit.noticeColour],
  entry_owner: ['text', ({ hit }) => hit.entryOwner],
  entry_dissemination: ['jsonb', ({ hit }) => hit.entryDissemination],
  match_id: ['uuid', ({ hit }) => hit.matchId],
});

@Injectable()
export class OperationsRepository {
  /** False when the code is taken. */
  async create(manager: EntityManager, operation: Operation): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO operations (code, name, starts_on, ends_on, coordinator, participants) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        operation.code,
        operation.name,
        operation.startsOn,
        operation.endsOn,
        operation.coordinator,
        operation.participants,
      ],
    );
    return rows.length === 1;
  }

  async find(manager: EntityManager, code: string): Promise<Operation | undefined> {
    const rows: {
      code: string;
      name: string;
      starts_on: string;
      ends_on: string;
      coordinator: string;
      participants: string[];
    }[] = await manager.query(
      `SELECT code, name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
              coordinator, participants FROM operations WHERE code = $1`,
      [code],
    );
    const row = rows[0];
    return (
      row && {
        code: row.code,
        name: row.name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        coordinator: row.coordinator,
        participants: row.participants,
      }
    );
  }

  /** One check made for the operation: the datasets it was run against and what it found. */
  async recordCheck(
    manager: EntityManager,
    check: { checkId: string; operation: string; agency: string; datasets: string[]; hits: OperationHitRow[] },
  ): Promise<void> {
    const { checkId, operation, agency } = check;
    await INSERT_CHECKS.insert(
      manager,
      [...new Set(check.datasets)].map((dataset) => ({ checkId, operation, agency, dataset })),
      'ON CONFLICT DO NOTHING',
    );
    await INSERT_HITS.insert(
      manager,
      check.hits.map((hit) => ({ checkId, operation, agency, hit })),
      'ON CONFLICT DO NOTHING',
    );
  }

  /** Checks per UTC day, agency and dataset, within the operation's period. */
  async checkCounts(
    manager: EntityManager,
    operation: Operation,
  ): Promise<{ day: string; agency: string; dataset: string; count: number }[]> {
    const rows: { day: string; agency: string; dataset: string; count: string }[] = await manager.query(
      `SELECT to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, agency, dataset, count(*) AS count
         FROM operation_checks WHERE operation = $1
        GROUP BY 1, agency, dataset ORDER BY 1, agency, dataset`,
      [operation.code],
    );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /** Every hit found for the operation, with its entry's owner and dissemination (the reader's view filters them). */
  async hits(manager: EntityManager, operation: Operation): Promise<(OperationHitRow & { day: string })[]> {
    const rows: {
      day: string;
      dataset: string;
      entry_id: string;
      level: string;
      notice_colour: string | null;
      entry_owner: string;
      entry_dissemination: DisseminationRule;
      match_id: string | null;
    }[] = await manager.query(
      `SELECT to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, dataset, entry_id, level, notice_colour,
              entry_owner, entry_dissemination, match_id
         FROM operation_hits WHERE operation = $1`,
      [operation.code],
    );
    return rows.map((row) => ({
      day: row.day,
      matchId: row.match_id ?? '',
      dataset: row.dataset,
      entryId: row.entry_id,
      level: row.level,
      noticeColour: row.notice_colour,
      entryOwner: row.entry_owner,
      entryDissemination: row.entry_dissemination,
    }));
  }

  /**
   * An outcome recorded on an alert that rests on one of an operation's hits; false when it follows none. The
   * latest outcome of an alert stands (a redelivered or older one changes nothing).
   */
  async recordOutcome(
    manager: EntityManager,
    outcome: { alertId: string; agency: string; matchIds: string[]; outcome: string; recordedAt: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO operation_outcomes (alert_id, operation, agency, match_id, outcome, recorded_at)
       SELECT $1, operation, $2, match_id, $4, $5 FROM operation_hits WHERE match_id = ANY($3::uuid[]) LIMIT 1
       ON CONFLICT (alert_id) DO UPDATE SET outcome = EXCLUDED.outcome, recorded_at = EXCLUDED.recorded_at
         WHERE operation_outcomes.recorded_at < EXCLUDED.recorded_at
       RETURNING alert_id`,
      [outcome.alertId, outcome.agency, outcome.matchIds, outcome.outcome, outcome.recordedAt],
    );
    return rows.length === 1;
  }

  /** Every outcome recorded on the operation's hits, with the hit's entry owner and dissemination. */
  async outcomes(
    manager: EntityManager,
    operation: Operation,
  ): Promise<{ agency: string; outcome: string; entryOwner: string; entryDissemination: DisseminationRule }[]> {
    const rows: { agency: string; outcome: string; entry_owner: string; entry_dissemination: DisseminationRule }[] =
      await manager.query(
        `SELECT o.agency, o.outcome, h.entry_owner, h.entry_dissemination
           FROM operation_outcomes o JOIN operation_hits h ON h.match_id = o.match_id
          WHERE o.operation = $1`,
        [operation.code],
      );
    return rows.map((row) => ({
      agency: row.agency,
      outcome: row.outcome,
      entryOwner: row.entry_owner,
      entryDissemination: row.entry_dissemination,
    }));
  }

  /** The current records shared for the operation, by entity, with their owners and dissemination. */
  async taggedRecords(
    manager: EntityManager,
    operation: Operation,
  ): Promise<{ entityId: string; owner: string; dissemination: DisseminationRule }[]> {
    const rows: { entity_id: string; owner: string; dissemination: DisseminationRule }[] = await manager.query(
      `SELECT entity_id, owner, dissemination FROM checked_records
        WHERE operation = $1 AND left_at IS NULL AND owner = ANY($2::text[])`,
      [operation.code, operation.participants],
    );
    return rows.map((row) => ({ entityId: row.entity_id, owner: row.owner, dissemination: row.dissemination }));
  }
}
