/**
 * An entity as one agency may see it: the member records it may see, the
 * links between agencies' cases inside the entity (with the scores behind
 * each), and possible duplicates kept apart for review. Members it may not see
 * are left out without a trace; an entity with none it may see is answered
 * exactly like one that does not exist.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { fromBinary, toJson } from '@bufbuild/protobuf';
import { maySee } from '@crosscheck/auth';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { FeatureEvidence, scoreRecords } from '@crosscheck/resolution';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { EntitiesRepository, Member } from '../entities/entities.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Links are every visible cross-agency pair; past this many visible members only the first ones are paired. */
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
    return (await this.view(manager, agency, member.entityId))!;
  }

  private async view(manager: EntityManager, agency: string, entityId: string): Promise<EntityView | undefined> {
    const visible = (await this.entities.members(manager, entityId)).filter((member) => maySee(agency, member));
    if (visible.length === 0) return undefined;
    return {
      entityId,
      kind: visible[0].kind,
      records: visible.map(memberView),
      links: linksBetweenAgencies(visible.slice(0, MAX_LINKED_MEMBERS)),
      possibleDuplicates: await this.possibleDuplicates(manager, agency, entityId, visible),
    };
  }

  /** Only pairs whose record side the agency may see, towards entities it may see something of. */
  private async possibleDuplicates(manager: EntityManager, agency: string, entityId: string, visible: Member[]): Promise<PossibleDuplicateView[]> {
    const visibleHere = new Set(visible.map((member) => member.recordId));
    const views: PossibleDuplicateView[] = [];
    for (const duplicate of await this.entities.possibleDuplicatesOf(manager, entityId)) {
      const recordVisible = visibleHere.has(duplicate.recordId) || (await this.isVisible(manager, agency, duplicate.recordId));
      const otherVisible = (await this.entities.members(manager, duplicate.otherEntityId)).some((member) => maySee(agency, member));
      if (recordVisible && otherVisible) {
        views.push({ entityId: duplicate.otherEntityId, recordId: duplicate.recordId, score: duplicate.score, explanation: duplicate.explanation });
      }
    }
    return views;
  }

  private async isVisible(manager: EntityManager, agency: string, recordId: string): Promise<boolean> {
    const member = await this.entities.findMember(manager, recordId);
    return !!member && maySee(agency, member);
  }
}

function memberView(member: Member): MemberView {
  return {
    id: member.recordId,
    owner: member.owner,
    version: member.recordVersion,
    decision: member.decision,
    score: member.score,
    explanation: member.explanation,
    joinedAt: member.joinedAt.toISOString(),
    record: member.record ? toJson(SharedRecordSchema, fromBinary(SharedRecordSchema, member.record)) : null,
  };
}

/** Every pair of members shared by different agencies is a link between their cases, scored afresh on the stored facts. */
function linksBetweenAgencies(members: Member[]): LinkView[] {
  const links: LinkView[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      if (a.owner === b.owner) continue;
      const pair = scoreRecords(a.facts, b.facts);
      links.push({ records: [a.recordId, b.recordId], agencies: [a.owner, b.owner], score: pair?.score ?? 0, explanation: pair?.features ?? [] });
    }
  }
  return links.sort((x, y) => y.score - x.score);
}

function notFound(what: 'entity' | 'record'): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${what} not found`);
}
