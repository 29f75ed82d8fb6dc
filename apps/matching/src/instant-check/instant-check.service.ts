/**
 * Instant checks, in the manner of INTERPOL's FIND: one query (or a batch of
 * them) checked against every dataset that applies, answered in the same
 * response with the hits and their explanations. Nothing of the query is
 * stored; the caller's audit line is all that remains. A caller never sees an
 * entry its agency may not see.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { create, toJson } from '@bufbuild/protobuf';
import { disseminationFromContract, maySee } from '@crosscheck/auth';
import { NoticeColour, ReferenceEntrySchema, SharedRecordSchema } from '@crosscheck/contracts';
import { recordBodyOf } from '@crosscheck/records';
import { FeatureEvidence, recordFactsOf } from '@crosscheck/resolution';
import { ApiError, validationFailed } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { Finding, Matcher } from '../model/matcher';
import { CheckQuery, checkQuery } from './instant-check.dto';

export interface CheckHit {
  dataset: string;
  entryId: string;
  level: 'hit' | 'possible';
  score: number;
  /** What of the query matched: `record`, or one of a person's documents. */
  subject: string;
  noticeColour?: string;
  features: FeatureEvidence[];
  entry: unknown;
}

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
  ) {}

  async check(agency: string, query: CheckQuery): Promise<CheckHit[]> {
    const body = create(SharedRecordSchema, { body: recordBodyOf(query) }).body;
    if (!body.case) return [];
    const findings = await this.matcher.findForRecord(this.dataSource.manager, recordFactsOf(body));
    return findings
      .filter((finding) =>
        maySee(agency, {
          owner: finding.entry.entry.owner,
          dissemination: disseminationFromContract(finding.entry.entry.dissemination),
        }),
      )
      .map(hitOf);
  }

  /** Each item validated and checked on its own: one bad query does not sink the others. */
  async checkBatch(agency: string, items: unknown[]): Promise<BatchCheckResult[]> {
    const results: BatchCheckResult[] = [];
    for (const [index, item] of items.entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        results.push({
          index,
          status: HttpStatus.BAD_REQUEST,
          error: { code: 'validation_failed', message: 'each item must be a query object', details: [] },
        });
        continue;
      }
      const checked = checkQuery.check(item);
      if (!checked.ok) {
        const error: ApiError = validationFailed(checked.problems);
        results.push({
          index,
          status: error.getStatus(),
          error: { code: error.code, message: error.message, details: error.details },
        });
        continue;
      }
      results.push({ index, status: HttpStatus.OK, hits: await this.check(agency, checked.value) });
    }
    return results;
  }
}

function hitOf(finding: Finding): CheckHit {
  const entry = finding.entry.entry;
  const hit: CheckHit = {
    dataset: finding.dataset,
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
