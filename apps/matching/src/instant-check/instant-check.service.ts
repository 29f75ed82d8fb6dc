/**
 * Instant checks, in the manner of INTERPOL's FIND: one query (or a batch of
 * them) checked against every dataset that applies, answered in the same
 * response with the hits and their explanations. A caller never sees an entry
 * its agency may not see. A restricted entry whose owner chose hit/no-hit
 * answers without its data (see model/hit-no-hit.ts). Every finding is told
 * to both sides through alerting, as for a shared record: the searching agency
 * and the entry's owner get a hit notice (the query goes to that owner alone).
 * Matching itself keeps nothing of the query but the audit line.
 */
import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { create, toJson } from '@bufbuild/protobuf';
import { disseminationFromContract, reachOf } from '@crosscheck/auth';
import {
  MatchFoundSchema,
  NoticeColour,
  ReferenceEntrySchema,
  SharedRecord,
  SharedRecordSchema,
  Topics,
} from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { OPERATION_CODE, OPERATION_CODE_RULE, recordBodyOf, taggingProblem } from '@crosscheck/records';
import { FeatureEvidence, RecordFacts, recordFactsOf } from '@crosscheck/resolution';
import { ApiError, errorBody, invalidField, validationFailed } from '@crosscheck/runtime';
import { hitNoHitProbeAlarms } from '@crosscheck/telemetry';
import { DataSource, EntityManager } from 'typeorm';
import { probesOf } from '../model/datasets';
import { HitNoHitAnswer } from '../model/hit-no-hit';
import { InstantCheck, instantCheckMatch } from '../model/instant-check-match';
import { Finding, Matcher } from '../model/matcher';
import { OperationsRepository } from '../persistence/operations.repository';
import { RestrictedHits } from '../persistence/restricted-hits';
import { MatchingConfig } from '../matching.config';
import { CheckQuery, checkQuery } from './instant-check.dto';

export type CheckHit = FullHit | HitNoHitAnswer;

export interface FullHit {
  access: 'full';
  dataset: string;
  owner: string;
  entryId: string;
  level: 'hit' | 'possible';
  score: number;
  /** What of the query matched: `record`, or one of a person's documents. */
  subject: string;
  noticeColour?: string;
  features: FeatureEvidence[];
  entry: unknown;
}

/** Writes the check's audit line in the transaction its answer is written in, so that both commit at once. */
export type AuditWithin = (transaction: EntityManager) => Promise<void>;

export interface BatchCheckResult {
  index: number;
  status: number;
  hits?: CheckHit[];
  error?: { code: string; message: string; details: unknown[] };
}

@Injectable()
export class InstantCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matcher: Matcher,
    private readonly restrictedHits: RestrictedHits,
    private readonly config: MatchingConfig,
    private readonly operations: OperationsRepository,
    private readonly outbox: Outbox,
  ) {}

  private readonly logger = new Logger(InstantCheckService.name);

  /**
   * The operation a check is made for (the `X-Operation` header), once the agency is known to take part in it
   * today; undefined when none is named.
   */
  async operationFor(agency: string, code: string | undefined): Promise<string | undefined> {
    if (code === undefined) return undefined;
    if (!OPERATION_CODE.test(code)) throw invalidField('X-Operation', 'matches', OPERATION_CODE_RULE);
    const operation = await this.operations.find(this.dataSource.manager, code);
    if (!operation) throw invalidField('X-Operation', 'knownOperation', `there is no operation ${code}`);
    const problem = taggingProblem(operation, agency, new Date().toISOString().slice(0, 10));
    if (problem) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `X-Operation: ${problem}`);
    return code;
  }

  /**
   * One query, as a batch of one. With `audit`, its audit line commits with its answer: one commit for the
   * check (hits told, operation counted, line queued) rather than one for the answer and one for the line.
   */
  async check(agency: string, query: CheckQuery, operation?: string, audit?: AuditWithin): Promise<CheckHit[]> {
    return (await this.checkEach(agency, [query], operation, audit))[0];
  }

  /** Each item validated and answered on its own: one bad query does not sink the others. */
  async checkBatch(agency: string, items: unknown[], operation?: string): Promise<BatchCheckResult[]> {
    const results: BatchCheckResult[] = new Array(items.length);
    const valid: { index: number; query: CheckQuery }[] = [];
    for (const [index, item] of items.entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        results[index] = {
          index,
          status: HttpStatus.BAD_REQUEST,
          error: { code: 'validation_failed', message: 'each item must be a query object', details: [] },
        };
        continue;
      }
      const checked = checkQuery.check(item);
      if (checked.ok) valid.push({ index, query: checked.value });
      else {
        const error = validationFailed(checked.problems);
        results[index] = { index, status: error.getStatus(), error: errorBody(error) };
      }
    }
    const hits = await this.checkEach(
      agency,
      valid.map(({ query }) => query),
      operation,
    );
    valid.forEach(({ index }, position) => (results[index] = { index, status: HttpStatus.OK, hits: hits[position] }));
    return results;
  }

  /**
   * For each query, the entries it matches that the agency may see in full, and a hit/no-hit answer for each
   * restricted entry whose owner chose it; a check made for an operation is counted in it (its full hits only,
   * with the match each became, so the outcomes that follow them count too). One candidate lookup serves every query.
   */
  private async checkEach(
    agency: string,
    queries: CheckQuery[],
    operation?: string,
    audit?: AuditWithin,
  ): Promise<CheckHit[][]> {
    const bodies = queries.map((query) => create(SharedRecordSchema, { body: recordBodyOf(query) }).body);
    const facts = bodies.map((body) => (body.case ? recordFactsOf(body) : undefined));
    const checkable = facts.flatMap((fact) => (fact ? [fact] : []));
    const findings = await this.matcher.findForRecords(this.dataSource.manager, checkable);
    let next = 0;
    const answers: CheckHit[][] = [];
    for (const [index, query] of queries.entries()) {
      const fact = facts[index];
      answers.push(
        fact ? await this.answer(agency, query, bodies[index], fact, findings[next++], operation, audit) : [],
      );
    }
    return answers;
  }

  private async answer(
    agency: string,
    query: CheckQuery,
    body: SharedRecord['body'],
    facts: RecordFacts,
    findings: Finding[],
    operation: string | undefined,
    audit: AuditWithin | undefined,
  ): Promise<CheckHit[]> {
    const visible: Finding[] = [];
    const restricted: Finding[] = [];
    for (const finding of findings) {
      const entry = finding.entry.entry;
      const reach = reachOf(agency, {
        owner: entry.owner,
        dissemination: disseminationFromContract(entry.dissemination),
      });
      if (reach === 'full') visible.push(finding);
      else if (reach === 'hit-no-hit') restricted.push(finding);
    }
    const check: InstantCheck = { checkId: randomUUID(), agency, query: { kind: query.kind, body }, at: new Date() };
    // Each full finding is a match like any other: both sides of the hit get their hit notice.
    const matches = visible.map((finding) => ({ finding, match: instantCheckMatch(check, finding) }));
    if (!operation && matches.length === 0 && restricted.length === 0 && !audit) return [];
    const { answers, alarms } = await this.dataSource.transaction(async (transaction) => {
      await audit?.(transaction);
      if (operation)
        await this.operations.recordCheck(transaction, {
          checkId: check.checkId,
          operation,
          agency,
          datasets: probesOf(facts).map((probe) => probe.dataset),
          hits: matches.map(({ finding, match }) => ({
            matchId: match.matchId,
            dataset: finding.dataset,
            entryId: finding.entry.entryId,
            level: finding.level,
            noticeColour: hitOf(finding).noticeColour ?? null,
            entryOwner: finding.entry.entry.owner,
            entryDissemination: disseminationFromContract(finding.entry.entry.dissemination),
          })),
        });
      await this.outbox.enqueue(
        transaction,
        ...matches.map(({ match }) => ({
          topic: Topics.matchesFound,
          key: check.checkId,
          schema: MatchFoundSchema,
          message: match,
        })),
      );
      if (restricted.length === 0) return { answers: [], alarms: [] };
      return this.restrictedHits.answer(transaction, check, restricted, {
        answers: this.config.HIT_NO_HIT_ALARM_ANSWERS,
        windowMinutes: this.config.HIT_NO_HIT_ALARM_WINDOW_MINUTES,
      });
    });
    for (const alarm of alarms) {
      hitNoHitProbeAlarms.inc({ agency: alarm.agency, dataset: alarm.dataset });
      this.logger.warn(
        `hit/no-hit probe alarm: agency ${alarm.agency} drew ${alarm.answers} answers on ${alarm.dataset}/${alarm.entryId} ` +
          `(owner ${alarm.owner}) within ${this.config.HIT_NO_HIT_ALARM_WINDOW_MINUTES} min`,
      );
    }
    return [...visible.map(hitOf), ...answers];
  }
}

function hitOf(finding: Finding): FullHit {
  const entry = finding.entry.entry;
  const hit: FullHit = {
    access: 'full',
    dataset: finding.dataset,
    owner: entry.owner,
    entryId: finding.entry.entryId,
    level: finding.level,
    score: finding.score,
    subject: finding.subject,
    features: finding.features,
    entry: toJson(ReferenceEntrySchema, entry),
  };
  if (entry.body.case === 'notice') hit.noticeColour = NoticeColour[entry.body.value.colour].toLowerCase();
  return hit;
}
