/**
 * The operators' dead-letter desk: list and show what consumers gave up on,
 * replay a dead letter to its original topic once its fault is fixed, or
 * discard it. Replaying is safe to repeat: the message keeps its original id,
 * so a consumer that has handled it once finds it in its inbox and changes
 * nothing. Each replay and discard is kept on the dead letter and written to
 * the audit log, with who and why, in the transaction that makes it.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { AuditLog, Caller } from '@crosscheck/auth';
import { KafkaProducer, replayMessage } from '@crosscheck/messaging';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { deadLetterListSql, isDeadLetterId } from '../model/dead-letter-query';
import {
  DeadLetterAction,
  DeadLettersRepository,
  DeadLetterSummary,
  StoredDeadLetter,
} from '../persistence/dead-letters.repository';

export interface DeadLetterDetail extends DeadLetterSummary {
  headers: Record<string, string>;
  actions: DeadLetterAction[];
}

@Injectable()
export class DeadLettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLettersRepository,
    private readonly producer: KafkaProducer,
    private readonly audit: AuditLog,
  ) {}

  async list(query: Record<string, unknown>): Promise<{ deadLetters: DeadLetterSummary[]; nextCursor: string | null }> {
    const sql = deadLetterListSql(query);
    const deadLetters = await this.deadLetters.list(this.dataSource.manager, sql);
    const last = deadLetters[deadLetters.length - 1];
    return { deadLetters, nextCursor: deadLetters.length === sql.limit && last ? last.deadLetterId : null };
  }

  async show(deadLetterId: string): Promise<DeadLetterDetail> {
    const letter = await this.find(this.dataSource.manager, deadLetterId);
    return detail(letter, await this.deadLetters.actions(this.dataSource.manager, deadLetterId));
  }

  /** Sends the original message back to its topic, marked as a replay; refused once discarded. */
  async replay(caller: Caller, deadLetterId: string, reason: string): Promise<DeadLetterDetail> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await this.find(manager, deadLetterId, true);
      if (letter.status === 'discarded')
        throw conflict(`dead letter ${deadLetterId} was discarded; it is not replayed`);
      const message = replayMessage(
        { key: letter.keyBytes, value: letter.value, headers: letter.headers },
        letter.source,
      );
      if ('unreplayable' in message)
        throw conflict(`dead letter ${deadLetterId} cannot be replayed: ${message.unreplayable}`);
      await this.record(manager, caller, letter, 'replay', reason);
      // Sent before the commit: a send that fails leaves no replay recorded. A commit that fails after the send
      // leaves a message the inboxes absorb if the operator replays again.
      try {
        await this.producer.send([{ topic: this.producer.topics.physical(letter.topic), messages: [message] }]);
      } catch {
        throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', 'Kafka did not take the replay; try again');
      }
      return detail(
        (await this.deadLetters.find(manager, deadLetterId))!,
        await this.deadLetters.actions(manager, deadLetterId),
      );
    });
  }

  /** Marks the dead letter as handled without replaying it; it stays listed, with who discarded it and why. */
  async discard(caller: Caller, deadLetterId: string, reason: string): Promise<DeadLetterDetail> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await this.find(manager, deadLetterId, true);
      await this.record(manager, caller, letter, 'discard', reason);
      return detail(
        (await this.deadLetters.find(manager, deadLetterId))!,
        await this.deadLetters.actions(manager, deadLetterId),
      );
    });
  }

  private async record(
    manager: EntityManager,
    caller: Caller,
    letter: StoredDeadLetter,
    action: 'replay' | 'discard',
    reason: string,
  ): Promise<void> {
    const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
    await this.deadLetters.act(manager, letter.deadLetterId, {
      action,
      agency: caller.agency,
      keyId: caller.keyId,
      reason,
      traceId,
    });
    await this.audit.append(
      {
        agency: caller.agency,
        keyId: caller.keyId,
        action: `dead-letter.${action}`,
        recordIds: [],
        outcome: 'ok',
        status: 200,
        traceId,
        detail: `dead letter ${letter.deadLetterId} (${letter.source.topic}/${letter.source.partition}/${letter.source.offset}) of ${letter.topic}: ${reason}`,
      },
      manager,
    );
  }

  private async find(manager: EntityManager, deadLetterId: string, lock = false): Promise<StoredDeadLetter> {
    const letter = isDeadLetterId(deadLetterId) ? await this.deadLetters.find(manager, deadLetterId, lock) : undefined;
    if (!letter)
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `dead letter ${deadLetterId.slice(0, 40)} not found`);
    return letter;
  }
}

/** The dead letter with its headers (ids, schema, trace), never its value: that is shared data. */
function detail(letter: StoredDeadLetter, actions: DeadLetterAction[]): DeadLetterDetail {
  const { keyBytes: _key, value: _value, ...summary } = letter;
  return { ...summary, actions };
}

function conflict(message: string): ApiError {
  return new ApiError(HttpStatus.CONFLICT, 'conflict', message);
}
