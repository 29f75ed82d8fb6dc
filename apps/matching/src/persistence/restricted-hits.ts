/**
 * The owner's side of a hit/no-hit answer, written in the caller's transaction:
 * each restricted finding of an instant check becomes a `matches.found.v1`
 * message marked as an instant check, whose "record" is the query, owned by
 * the searching agency and disseminated to the entry's owner alone, so that
 * alerting gives the owner the full hit notice and the searcher a hit/no-hit
 * alert, both under the answer's reference. Each answer also counts towards
 * the probe alarm of its (agency, entry).
 */
import { Injectable } from '@nestjs/common';
import { MatchFoundSchema, Topics } from '@crosscheck/contracts';
import { Outbox, OutgoingEvent } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { HitNoHitAnswer, hitNoHitAnswers } from '../model/hit-no-hit';
import { InstantCheck, instantCheckMatch } from '../model/instant-check-match';
import type { Finding } from '../model/matcher';
import { HitNoHitProbesRepository } from './hit-no-hit-probes.repository';

/** An alarm to raise: one agency drew `answers` hit/no-hit answers on one entry within the window. */
export interface ProbeAlarm {
  agency: string;
  dataset: string;
  entryId: string;
  owner: string;
  answers: number;
}

export interface ProbeLimits {
  answers: number;
  windowMinutes: number;
}

@Injectable()
export class RestrictedHits {
  constructor(
    private readonly probes: HitNoHitProbesRepository,
    private readonly outbox: Outbox,
  ) {}

  async answer(
    transaction: EntityManager,
    check: InstantCheck,
    findings: Finding[],
    limits: ProbeLimits,
  ): Promise<{ answers: HitNoHitAnswer[]; alarms: ProbeAlarm[] }> {
    const { agency } = check;
    const lines = hitNoHitAnswers(
      findings.map((finding) => ({
        finding,
        dataset: finding.dataset,
        owner: finding.entry.entry.owner,
        level: finding.level,
      })),
      check.at,
    );
    const events: OutgoingEvent[] = [];
    const alarms: ProbeAlarm[] = [];
    const counts = await this.probes.count(
      transaction,
      agency,
      findings.map(({ entry }) => ({ dataset: entry.dataset, entryId: entry.entryId })),
      limits.answers,
      limits.windowMinutes,
    );
    const countOf = new Map(findings.map((finding, index) => [finding, counts[index]]));
    for (const { answer, findings: ofLine } of lines) {
      for (const { finding } of ofLine) {
        const entry = finding.entry;
        const count = countOf.get(finding)!;
        if (count.alarmNow)
          alarms.push({
            agency,
            dataset: entry.dataset,
            entryId: entry.entryId,
            owner: answer.owner,
            answers: count.answers,
          });
        events.push({
          topic: Topics.matchesFound,
          key: check.checkId,
          schema: MatchFoundSchema,
          message: instantCheckMatch(check, finding, {
            hitReference: answer.reference,
            probeCount: count.answers >= limits.answers ? count.answers : 0,
          }),
        });
      }
    }
    await this.outbox.enqueue(transaction, ...events);
    return { answers: lines.map(({ answer }) => answer), alarms };
  }
}
