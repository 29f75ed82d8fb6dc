import { ApiError } from '@crosscheck/runtime';
import { deadLetterListSql } from './dead-letter-query';

function problem(query: Record<string, unknown>): { field: string; rule: string } | undefined {
  try {
    deadLetterListSql(query);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).getStatus()).toBe(400);
    const [detail] = (error as ApiError).details;
    return { field: detail.field, rule: detail.rule };
  }
}

describe('dead-letter list queries', () => {
  it('default to every dead letter, 50 a page', () => {
    expect(deadLetterListSql({})).toEqual({ where: '', values: [], limit: 50 });
  });

  it('filter by topic, status, time, error text and key, and page after a cursor', () => {
    const sql = deadLetterListSql({
      topic: 'records.received.v1,matches.found.v1',
      status: 'pending',
      since: '2026-12-06T00:00:00Z',
      until: '2026-12-07T00:00:00+01:00',
      error: 'Trigger',
      key: '0b6c1a3e-3f0e-4a59-9a43-4a9b1d1a0c11',
      cursor: '42',
      limit: '10',
    });
    expect(sql.values).toEqual([
      ['records.received.v1', 'matches.found.v1'],
      ['pending'],
      new Date('2026-12-06T00:00:00Z'),
      new Date('2026-12-06T23:00:00Z'),
      'Trigger',
      '0b6c1a3e-3f0e-4a59-9a43-4a9b1d1a0c11',
      '42',
    ]);
    expect(sql.where).toBe(
      "WHERE topic = ANY($1::text[]) AND status = ANY($2::text[]) AND failed_at >= $3 AND failed_at < $4 AND strpos(lower(error), lower($5)) > 0 AND message_key = convert_to($6, 'UTF8') AND dead_letter_id < $7",
    );
    expect(sql.limit).toBe(10);
  });

  it.each([
    [{ topic: 'records.received.v1.dlq' }, 'topic', 'isIn'],
    [{ topic: 'nope' }, 'topic', 'isIn'],
    [{ status: 'done' }, 'status', 'isIn'],
    [{ since: 'yesterday' }, 'since', 'isInstant'],
    [{ since: '2026-12-06' }, 'since', 'isInstant'],
    [{ until: '2026-13-45T00:00:00Z' }, 'until', 'isInstant'],
    [{ since: '2026-12-07T00:00:00Z', until: '2026-12-06T00:00:00Z' }, 'until', 'isAfterSince'],
    [{ error: '' }, 'error', 'length'],
    [{ key: 'k'.repeat(201) }, 'key', 'length'],
    [{ cursor: '0' }, 'cursor', 'isCursor'],
    [{ cursor: 'abc' }, 'cursor', 'isCursor'],
    [{ limit: '0' }, 'limit', 'range'],
    [{ limit: '501' }, 'limit', 'range'],
    [{ limit: '1.5' }, 'limit', 'range'],
    [{ topic: ['records.received.v1', 'matches.found.v1'] }, 'topic', 'singleValue'],
    [{ sort: 'newest' }, 'sort', 'unknownParameter'],
  ])('refuse %j: %s breaks %s', (query, field, rule) => {
    expect(problem(query)).toEqual({ field, rule });
  });
});
