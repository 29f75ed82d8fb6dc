/**
 * How many hit/no-hit answers each agency drew on each restricted entry within
 * the probe window, counted in Postgres so that every matching instance counts
 * into one total. One answer's entries are counted in one statement, so that
 * the time an answer takes hardly grows with the entries behind it.
 */
import { Injectable } from '@nestjs/common';
import { bulkRows } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';

export interface ProbeCount {
  /** Answers on this entry to this agency in the current window, this one included. */
  answers: number;
  /** This answer is the one that reached the threshold: the alarm goes off now, once per window. */
  alarmNow: boolean;
}

/** The entries one answer drew on, after the statement's agency, window and threshold ($1-$3). */
const ENTRY_ROWS = bulkRows<{ dataset: string; entryId: string }>({
  dataset: ['text', (entry) => entry.dataset],
  entry_id: ['text', (entry) => entry.entryId],
});

@Injectable()
export class HitNoHitProbesRepository {
  /** Counts one answer on each of `entries` to `agency`; the counts in the same order. */
  async count(
    manager: EntityManager,
    agency: string,
    entries: { dataset: string; entryId: string }[],
    threshold: number,
    windowMinutes: number,
  ): Promise<ProbeCount[]> {
    if (entries.length === 0) return [];
    const stale = `p.window_start < now() - make_interval(mins => $2)`;
    // The upsert locks each row until the transaction ends: one answer alone sets an entry's alarm off (now() is
    // the transaction's start, so an alarm set now is one this answer set).
    const rows: { dataset: string; entry_id: string; answers: number; alarm_now: boolean }[] = await manager.query(
      `WITH counted AS (
         INSERT INTO hit_no_hit_probes AS p (agency, dataset, entry_id, alarmed_at)
         SELECT $1, e.dataset, e.entry_id, CASE WHEN 1 >= $3 THEN now() END
           FROM (${ENTRY_ROWS.select(4)}) AS e
         ON CONFLICT (agency, dataset, entry_id) DO UPDATE SET
           window_start = CASE WHEN ${stale} THEN now() ELSE p.window_start END,
           answers = CASE WHEN ${stale} THEN 1 ELSE p.answers + 1 END,
           alarmed_at = CASE WHEN ${stale} THEN NULL
                             WHEN p.alarmed_at IS NULL AND p.answers + 1 >= $3 THEN now() ELSE p.alarmed_at END
         RETURNING p.dataset, p.entry_id, p.answers, p.alarmed_at)
       SELECT dataset, entry_id, answers,
              alarmed_at IS NOT NULL AND alarmed_at = now() AND answers >= $3 AS alarm_now
         FROM counted`,
      [agency, windowMinutes, threshold, ...ENTRY_ROWS.parameters(entries)],
    );
    const counts = new Map(rows.map((row) => [`${row.dataset}/${row.entry_id}`, row]));
    return entries.map((entry) => {
      const row = counts.get(`${entry.dataset}/${entry.entryId}`)!;
      return { answers: row.answers, alarmNow: row.alarm_now };
    });
  }
}
