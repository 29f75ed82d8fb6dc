/**
 * Updating a record by its id: the owner sends the whole new content; it
 * becomes the next version and flows downstream. The same content again
 * changes nothing. A record's kind never changes.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntakeConfig } from '../intake.config';
import { kindChange, prepareContent } from '../model/record-content';
import { RecordAccess } from '../persistence/record-access';
import { OperationTags } from '../persistence/operation-tags';
import { RelationTargets } from '../persistence/relation-targets';
import { DisseminationAgencies } from '../persistence/dissemination-agencies';
import { RecordEvents } from '../persistence/record-events';
import { RecordsRepository } from '../persistence/records.repository';
import type { RecordContent } from '../model/record-content.schema';
import type { ShareResult } from '../model/record';

@Injectable()
export class UpdateRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RecordAccess,
    private readonly records: RecordsRepository,
    private readonly events: RecordEvents,
    private readonly disseminationAgencies: DisseminationAgencies,
    private readonly operationTags: OperationTags,
    private readonly relationTargets: RelationTargets,
    private readonly config: IntakeConfig,
  ) {}

  update(agency: string, recordId: string, content: RecordContent): Promise<ShareResult> {
    return this.dataSource.transaction(async (transaction) => {
      const existing = await this.access.owned(transaction, agency, recordId);
      const refusal = kindChange(existing, content.kind);
      if (refusal) throw refusal;
      const prepared = prepareContent(content, this.config.RECORD_RETENTION_DAYS);
      await this.disseminationAgencies.check(transaction, content);
      await this.operationTags.check(transaction, agency, content, existing.content);
      await this.relationTargets.check(transaction, agency, content);
      if (prepared.contentHash === existing.contentHash && !existing.withdrawnAt)
        return { outcome: 'unchanged', record: existing, warnings: prepared.warnings };
      const updated = await this.records.replaceContent(transaction, {
        ...existing,
        ...prepared,
        version: existing.version + 1,
      });
      await this.events.received(transaction, updated);
      return { outcome: 'updated', record: updated, warnings: prepared.warnings };
    });
  }
}
