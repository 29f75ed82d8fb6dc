import { alertListSql } from './alert-query';

describe('alert list queries', () => {
  it('default to the agency’s newest alerts, 50 a page', () => {
    expect(alertListSql('FRA', {})).toEqual({
      where: 'a.agency = $1',
      orderAndLimit: 'ORDER BY a.raised_at DESC, a.alert_id DESC LIMIT $2',
      values: ['FRA', 50],
      limit: 50,
    });
  });

  it('filter by comma lists and a minimum score, sort by score and page after a cursor', () => {
    const cursor = '0b6c1a3e-3f0e-4a59-9a43-4a9b1d1a0c11';
    const sql = alertListSql('FRA', {
      status: 'new,acknowledged',
      level: 'hit',
      dataset: 'notices,sltd',
      kind: 'alert',
      minScore: '0.8',
      sort: 'score',
      cursor,
      limit: '10',
    });
    expect(sql.values).toEqual([
      'FRA',
      ['new', 'acknowledged'],
      ['hit'],
      ['alert'],
      ['notices', 'sltd'],
      0.8,
      cursor,
      10,
    ]);
    expect(sql.where).toContain('a.score >= $6');
    expect(sql.where).toContain(
      '(a.score, a.alert_id) < (SELECT score, alert_id FROM alerts WHERE alert_id = $7 AND agency = $1)',
    );
    expect(sql.orderAndLimit).toBe('ORDER BY a.score DESC, a.alert_id DESC LIMIT $8');
  });

  it('page forwards for the oldest first', () => {
    const sql = alertListSql('FRA', { sort: 'oldest', cursor: '0b6c1a3e-3f0e-4a59-9a43-4a9b1d1a0c11' });
    expect(sql.where).toContain('(a.raised_at, a.alert_id) > (SELECT');
  });

  it.each([
    [{ status: 'open' }, 'status', 'isIn'],
    [{ status: 'new,' }, 'status', 'isIn'],
    [{ level: 'certain' }, 'level', 'isIn'],
    [{ kind: 'notice' }, 'kind', 'isIn'],
    [{ dataset: "notices'; DROP TABLE alerts; --" }, 'dataset', 'isDataset'],
    [{ subscription: '42' }, 'subscription', 'isUuid'],
    [{ minScore: '1.5' }, 'minScore', 'range'],
    [{ minScore: '' }, 'minScore', 'range'],
    [{ minScore: 'high' }, 'minScore', 'range'],
    [{ sort: 'random' }, 'sort', 'isIn'],
    [{ cursor: '100' }, 'cursor', 'isCursor'],
    [{ limit: '0' }, 'limit', 'range'],
    [{ limit: '501' }, 'limit', 'range'],
    [{ limit: '5x' }, 'limit', 'range'],
    [{ colour: 'red' }, 'colour', 'unknownParameter'],
  ])('refuse %j naming the field and the rule', (query, field, rule) => {
    expect.assertions(1);
    try {
      alertListSql('FRA', query as Record<string, string>);
    } catch (error) {
      expect((error as { getResponse(): { details: unknown[] } }).getResponse().details).toEqual([
        expect.objectContaining({ field, rule }),
      ]);
    }
  });
});
