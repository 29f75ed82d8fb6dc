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
import { DedupConfig } from './dedup.config';
import { EntitiesRepository } from './persistence/entities.repository';
import { EntityBatchesRepository } from './persistence/entity-batches.repository';
import { MEMBER_DERIVATION } from './resolve-record/member-derivation';
import { MemberStatistics } from './persistence/member-statistics';
import { CreateEntities1763800000200 } from './migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from './migrations/1763800000210-resolve-all-kinds';
import { JourneyTimes1763800000220 } from './migrations/1763800000220-journey-times';
import { Network1763800000230 } from './migrations/1763800000230-network';
import { NetworkLinks1763800000250 } from './migrations/1763800000250-network-links';
import { NetworkLinkPaths1763800000255 } from './migrations/1763800000255-network-link-paths';
import { KeyCounts1763800000940 } from './migrations/1763800000940-key-counts';
import { MemberChanges1763800000260 } from './migrations/1763800000260-member-changes';
import { NetworkHttpController } from './network/network.http.controller';
import { NetworkService } from './network/network.service';
import { NetworkGraph } from './persistence/network-graph';
import { NetworkLinks } from './persistence/network-links';
import { NetworkRepository } from './persistence/network.repository';
import { RecordJourneyHttpController } from './record-journey/record-journey.http.controller';
import { ResolveBatchService } from './resolve-record/resolve-batch.service';
import { ResolveRecordMessageController } from './resolve-record/resolve-record.message.controller';
import { ResolveRecordService } from './resolve-record/resolve-record.service';
import { ViewEntityHttpController } from './view-entity/view-entity.http.controller';
import { ViewEntityService } from './view-entity/view-entity.service';

const migrations = [
  ...credentialReplicaMigrations,
  CreateAuditLog1763800000060,
  CreateEntities1763800000200,
  ResolveAllKinds1763800000210,
  AuditLogDetail1763800000900,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
  JourneyTimes1763800000220,
  Network1763800000230,
  NetworkLinks1763800000250,
  NetworkLinkPaths1763800000255,
  MemberChanges1763800000260,
  DerivationRevisions1763800000930,
  KeyCounts1763800000940,
];

@Module({})
export class DedupModule {
  static forConfig(config: DedupConfig): DynamicModule {
    return {
      module: DedupModule,
      imports: [ServiceCoreModule.forService({ service: 'dedup', config, migrations }), CredentialReplicaModule],
      controllers: [
        ResolveRecordMessageController,
        ViewEntityHttpController,
        AuditHttpController,
        RecordJourneyHttpController,
        NetworkHttpController,
      ],
      providers: [
        AuditLog,
        AuditedInterceptor,
        EntitiesRepository,
        EntityBatchesRepository,
        MemberStatistics,
        derivedOnStart([MEMBER_DERIVATION], derivationRevision),
        NetworkGraph,
        NetworkLinks,
        NetworkRepository,
        NetworkService,
        ResolveBatchService,
        ResolveRecordService,
        ViewEntityService,
      ],
    };
  }
}
