import { AuditLogChain1763800000910, AuditLogDetail1763800000900, AuditPending1763800000920 } from '@crosscheck/auth';
import { CreateRecords1763800000100 } from './1763800000100-create-records';
import { CreateAgenciesAndAudit1763800000110 } from './1763800000110-create-agencies-and-audit';
import { RecordLifecycle1763800000120 } from './1763800000120-record-lifecycle';
import { IdempotencyKeys1763800000130 } from './1763800000130-idempotency-keys';
import { JourneyLookups1763800000140 } from './1763800000140-journey-lookups';
import { OperationsReplica1763800000160 } from './1763800000160-operations-replica';

export const intakeMigrations = [
  CreateRecords1763800000100,
  CreateAgenciesAndAudit1763800000110,
  RecordLifecycle1763800000120,
  IdempotencyKeys1763800000130,
  AuditLogDetail1763800000900,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
  JourneyLookups1763800000140,
  OperationsReplica1763800000160,
];
