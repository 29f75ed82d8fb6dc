import { DynamicModule, Module } from '@nestjs/common';
import {
  AuditHttpController,
  AuditLog,
  AuditedInterceptor,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
  AuditLogDetail1763800000900,
  CreateAuditLog1763800000060,
  CredentialReplicaModule,
  credentialReplicaMigrations,
} from '@crosscheck/auth';
import { DerivationRevisions1763800000930, derivedOnStart } from '@crosscheck/persistence';
import { derivationRevision } from '@crosscheck/resolution';
import { ServiceCoreModule } from '@crosscheck/runtime';
import { CheckEntityMessageController } from './check-entity/check-entity.message.controller';
import { CheckEntityService } from './check-entity/check-entity.service';
import { ContributeReferenceHttpController } from './contribute-reference/contribute-reference.http.controller';
import { ContributeReferenceService } from './contribute-reference/contribute-reference.service';
import { CheckedRecordsRepository } from './persistence/checked-records.repository';
import { MatchesRepository } from './persistence/matches.repository';
import { InstantCheckHttpController } from './instant-check/instant-check.http.controller';
import { InstantCheckService } from './instant-check/instant-check.service';
import { LoadReferenceHttpController } from './load-reference/load-reference.http.controller';
import { MatchEvents } from './persistence/match-events';
import { NoticeRequestsRepository } from './persistence/notice-requests.repository';
import {
  NoticeQuotasHttpController,
  NoticeRequestsHttpController,
} from './notice-requests/notice-requests.http.controller';
import { NoticeRequestsService } from './notice-requests/notice-requests.service';
import { KnownAgencies } from './persistence/known-agencies';
import { OperationsHttpController } from './operations/operations.http.controller';
import { OutcomeRecordedMessageController } from './operations/outcome-recorded.message.controller';
import { OperationsRepository } from './persistence/operations.repository';
import { Matcher } from './model/matcher';
import { MatchingConfig } from './matching.config';
import { matchingMigrations } from './migrations';
import { CHECKED_RECORD_DERIVATION, REFERENCE_DERIVATION } from './persistence/derivations';
import { ReferenceEntriesRepository } from './persistence/reference-entries.repository';
import { HitNoHitProbesRepository } from './persistence/hit-no-hit-probes.repository';
import { RestrictedHits } from './persistence/restricted-hits';
import { RetroCheckMessageController } from './retro-check/retro-check.message.controller';
import { RetroCheckService } from './retro-check/retro-check.service';
import { RecordJourneyHttpController } from './record-journey/record-journey.http.controller';

const migrations = [
  ...credentialReplicaMigrations,
  CreateAuditLog1763800000060,
  ...matchingMigrations,
  AuditLogDetail1763800000900,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
  DerivationRevisions1763800000930,
];

@Module({})
export class MatchingModule {
  static forConfig(config: MatchingConfig): DynamicModule {
    return {
      module: MatchingModule,
      imports: [ServiceCoreModule.forService({ service: 'matching', config, migrations }), CredentialReplicaModule],
      controllers: [
        CheckEntityMessageController,
        RetroCheckMessageController,
        InstantCheckHttpController,
        LoadReferenceHttpController,
        ContributeReferenceHttpController,
        NoticeRequestsHttpController,
        NoticeQuotasHttpController,
        OperationsHttpController,
        OutcomeRecordedMessageController,
        AuditHttpController,
        RecordJourneyHttpController,
      ],
      providers: [
        KnownAgencies,
        AuditLog,
        AuditedInterceptor,
        ReferenceEntriesRepository,
        MatchesRepository,
        CheckedRecordsRepository,
        Matcher,
        MatchEvents,
        CheckEntityService,
        RetroCheckService,
        InstantCheckService,
        HitNoHitProbesRepository,
        RestrictedHits,
        ContributeReferenceService,
        NoticeRequestsRepository,
        NoticeRequestsService,
        OperationsRepository,
        derivedOnStart([REFERENCE_DERIVATION, CHECKED_RECORD_DERIVATION], derivationRevision),
      ],
    };
  }
}
