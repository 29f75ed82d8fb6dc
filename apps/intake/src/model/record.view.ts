/** How a record is shown to an agency, and whether that agency may see it at all. */
import { maySee } from '@crosscheck/auth';
import type { StoredRecord } from './record';

/** Expired and withdrawn records are served to their owner only. */
export function mayView(agency: string, record: StoredRecord): boolean {
  if (record.owner === agency) return true;
  if (record.withdrawnAt || record.expiresAt.getTime() <= Date.now()) return false;
  const { scope, agencies } = record.content.dissemination;
  return maySee(agency, {
    owner: record.owner,
    dissemination: scope === 'agencies' ? { scope, agencies: agencies ?? [] } : { scope },
  });
}

export function recordView(record: StoredRecord) {
  const { kind, ...content } = record.content;
  return {
    id: record.recordId,
    kind,
    externalRef: record.externalRef,
    owner: record.owner,
    version: record.version,
    status: record.withdrawnAt ? 'withdrawn' : record.expiresAt.getTime() <= Date.now() ? 'expired' : 'current',
    ...content,
    ...(record.identifierNormalized ? { identifierNormalized: record.identifierNormalized } : {}),
    reportedAt: record.reportedAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    ...(record.withdrawnAt
      ? { withdrawnAt: record.withdrawnAt.toISOString(), withdrawalReason: record.withdrawalReason }
      : {}),
  };
}
