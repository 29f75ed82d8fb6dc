/**
 * How many hit/no-hit answers each agency drew on each restricted entry within
 * the probe window, counted in Postgres so that every matching instance counts
 * into one total.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ProbeCount {
  /** Answers on this entry to this agency in the current window, this one included. */
  answers: number;
  /** This answer is the one that reached the threshold: the alarm goes off now, once per window. */
  alarmNow: boolean;
}

@Injectable()
export class HitNoHitProbesRepository {
  async count(
    manager: EntityManager,
    probe: { agency: string; dataset: string; entryId: string },
    threshold: number,
    windowMinutes: number,
  ): Promise<ProbeCount> {
    const stale = `p.window_start < now() - make_interval(mins => $4)`;
    const counted: { answers: number; alarmed: boolean }[] = await manager.query(
      `INSERT INTO hit_no_hit_probes AS p (agency, dataset, entry_id) VALUES ($1, $2, $3)
       ON CONFLICT (agency, dataset, entry_id) DO UPDATE SET
         window_start = CASE WHEN ${stale} THEN now() ELSE p.window_start END,
         answers = CASE WHEN ${stale} THEN 1 ELSE p.answers + 1 END,
         alarmed_at = CASE WHEN ${stale} THEN NULL ELSE p.alarmed_at END
       RETURNING p.answers, p.alarmed_at IS NOT NULL AS alarmed`,
      [probe.agency, probe.dataset, probe.entryId, windowMinutes],
    );
    const { answers, alarmed } = counted[0];
    if (answers < threshold || alarmed) return { answers, alarmNow: false };
    // The row is locked by the upsert until this transaction ends: one answer alone sets the alarm off.
    await manager.query(
      'UPDATE hit_no_hit_probes SET alarmed_at = now() WHERE agency = $1 AND dataset = $2 AND entry_id = $3',
      [probe.agency, probe.dataset, probe.entryId],
    );
    return { answers, alarmNow: true };
  }
}
