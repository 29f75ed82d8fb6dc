/**
 * An entity as one agency may see it: the member records it may see, the
 * links between agencies' cases inside the entity (with the scores behind
 * each), and possible duplicates kept apart for review. Members it may not see
 * are left out without a trace, and so is every piece of evidence that involves
 * them (see visible-evidence.ts); an entity with none it may see is answered
 * exactly like one that does not exist.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { fromBinary, toJson } from '@bufbuild/protobuf';
import { maySee } from '@crosscheck/auth';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { FeatureEvidence, PairScore, scoreRecords } from '@crosscheck/resolution';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import { EntitiesRepository, Member } from '../persistence/entities.repository';
import { NetworkRepository } from '../persistence/network.repository';
import { MemberEvidence, visibleComponent, visibleResemblance } from '../model/visible-evidence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Past this many visible members only the oldest are shown and paired. */
const MAX_LINKED_MEMBERS = 100;

export interface EntityView {
  entityId: string;
  /** Set when the id asked for was merged into this entity. */
  mergedFrom?: string;
  kind: string;
  records: MemberView[];
  links: LinkView[];
  possibleDuplicates: PossibleDuplicateView[];
}

interface MemberView {
  id: string;
  owner: string;
  version: number;
  decision: string;
  score: number;
  explanation: FeatureEvidence[];
  joinedAt: string;
  record: unknown;
}

interface LinkView {
  records: [string, string];
  agencies: [string, string];
  score: number;
  explanation: FeatureEvidence[];
}

interface PossibleDuplicateView {
  entityId: string;
  recordId: string;
  score: number;
  explanation: FeatureEvidence[];
}

@Injectable()
export class ViewEntityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: EntitiesRepository,
    private readonly network: NetworkRepository,
    private readonly config: DedupConfig,
  ) {}

  async entity(agency: string, entityId: string): Promise<EntityView> {
    const manager = this.dataSource.manager;
    const survivor = UUID.test(entityId) ? await this.entities.resolveEntityId(manager, entityId) : undefined;
    const view = survivor && (await this.view(manager, agency, survivor));
    if (!view) throw notFound('entity');
    return survivor === entityId ? view : { ...view, mergedFrom: entityId };
  }

  async entityOfRecord(agency: string, recordId: string): Promise<EntityView> {
    const manager = this.dataSource.manager;
    const member = UUID.test(recordId) ? await this.entities.findMember(manager, recordId) : undefined;
    if (!member?.entityId || !maySee(agency, member)) throw notFound('record');
    return (await this.view(manager, agency, member.entityId, recordId))!;
  }

  /** The part of the entity the caller's visible members hold together, from `start` or else from the oldest of them. */
  private async view(
    manager: EntityManager,
    agency: string,
    entityId: string,
    start?: string,
  ): Promise<EntityView | undefined> {
    const visible = (await this.entities.members(manager, entityId))
      .filter((member) => maySee(agency, member))
      .slice(0, MAX_LINKED_MEMBERS);
    const scoreMembers = await this.scorerFor(manager, agency, visible);
    const component = visibleComponent(visible, scoreMembers, this.config.DEDUP_SAME_ENTITY_THRESHOLD, start);
    if (component.length === 0) return undefined;
    const members = component.map(({ member }) => member);
    return {
      entityId,
      kind: members[0].kind,
      records: component.map(({ member, evidence }) => memberView(member, evidence)),
      links: linksBetweenAgencies(members, scoreMembers),
      possibleDuplicates: await this.possibleDuplicates(manager, agency, entityId, members),
    };
  }

  /**
   * Pairs kept for review between this entity and another, both sides as the
   * caller may see them and scored afresh between visible records only: the
   * stored score and explanation may be against a record it may not see.
   */
  private async possibleDuplicates(
    manager: EntityManager,
    agency: string,
    entityId: string,
    visible: Member[],
  ): Promise<PossibleDuplicateView[]> {
    const reviewAt = this.config.DEDUP_REVIEW_THRESHOLD;
    const visibleHere = new Map(visible.map((member) => [member.recordId, member]));
    const views: PossibleDuplicateView[] = [];
    for (const duplicate of await this.entities.possibleDuplicatesOf(manager, entityId)) {
      const record =
        visibleHere.get(duplicate.recordId) ?? (await this.visibleMember(manager, agency, duplicate.recordId));
      if (!record) continue;
      // The record is either one of this entity's, resembling the other entity, or one of the other's, resembling this one.
      const counterparts = visibleHere.has(duplicate.recordId)
        ? (await this.entities.members(manager, duplicate.otherEntityId)).filter((member) => maySee(agency, member))
        : visible;
      const scoreMembers = await this.scorerFor(manager, agency, [record, ...counterparts]);
      const pair = visibleResemblance(record, counterparts, scoreMembers, reviewAt);
      if (pair)
        views.push({
          entityId: duplicate.otherEntityId,
          recordId: duplicate.recordId,
          score: pair.score,
          explanation: pair.features,
        });
    }
    return views.sort((a, b) => b.score - a.score);
  }

  /** Pairs scored with contact values weighed by how many records the caller may see carry them. */
  private async scorerFor(manager: EntityManager, agency: string, members: Member[]): Promise<ScoreMembers> {
    const carriers = await this.network.carriersSeenBy(
      manager,
      agency,
      members.map((member) => member.facts),
    );
    return (a, b) => scoreRecords(a.facts, b.facts, carriers);
  }

  private async visibleMember(manager: EntityManager, agency: string, recordId: string): Promise<Member | undefined> {
    const member = await this.entities.findMember(manager, recordId);
    return member && maySee(agency, member) ? member : undefined;
  }
}

type ScoreMembers = (a: Member, b: Member) => PairScore | undefined;

function memberView(member: Member, evidence: MemberEvidence): MemberView {
  return {
    id: member.recordId,
    owner: member.owner,
    version: member.recordVersion,
    decision: evidence.decision,
    score: evidence.score,
    explanation: evidence.explanation,
    joinedAt: member.joinedAt.toISOString(),
    record: member.record ? toJson(SharedRecordSchema, fromBinary(SharedRecordSchema, member.record)) : null,
  };
}

/** Every pair of members shared by different agencies is a link between their cases, scored afresh on the stored facts. */
function linksBetweenAgencies(members: Member[], scoreMembers: ScoreMembers): LinkView[] {
  const links: LinkView[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      if (a.owner === b.owner) continue;
      const pair = scoreMembers(a, b);
      links.push({
        records: [a.recordId, b.recordId],
        agencies: [a.owner, b.owner],
        score: pair?.score ?? 0,
        explanation: pair?.features ?? [],
      });
    }
  }
  return links.sort((x, y) => y.score - x.score);
}

function notFound(what: 'entity' | 'record'): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
}
