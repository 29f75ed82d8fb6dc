import { chartLines, figure, laggingPartitions, milliseconds, perSecond, polylinePoints } from './pipeline-health';

describe('figures on the operator page', () => {
  it.each([
    [null, 0, '—'],
    [undefined, 0, '—'],
    [Number.NaN, 0, '—'],
    [0, 0, '0'],
    [12345, 0, '12,345'],
    [0.5, 2, '0.50'],
  ])('figure(%p, %p) is %p', (value, digits, shown) => expect(figure(value, digits)).toBe(shown));

  it.each([
    [null, '—'],
    [0.391, '0.39/s'],
    [123.45, '123.5/s'],
  ])('perSecond(%p) is %p', (value, shown) => expect(perSecond(value)).toBe(shown));

  it.each([
    [null, '—'],
    [9.94, '9.9 ms'],
    [98.4, '98 ms'],
  ])('milliseconds(%p) is %p', (value, shown) => expect(milliseconds(value)).toBe(shown));

  it('lists the most lagging partitions first, a few of them', () => {
    const lag = [0, 7, 3, 7, 1].map((value, partition) => ({
      topic: partition === 3 ? 'a' : 'b',
      partition,
      committed: 0,
      end: value,
      lag: value,
    }));
    expect(laggingPartitions(lag, 3).map(({ topic, partition }) => `${topic}/${partition}`)).toEqual([
      'a/3',
      'b/1',
      'b/2',
    ]);
    expect(laggingPartitions(null)).toEqual([]);
  });
});

describe('charts', () => {
  const series = [
    { at: '2026-12-06T10:00:00Z', lag: { dedup: 0 }, throughput: {}, deadLettersPending: 0, outboxPending: null },
    { at: '2026-12-06T10:00:05Z', lag: { dedup: null }, throughput: {}, deadLettersPending: 1, outboxPending: 2 },
    { at: '2026-12-06T10:00:10Z', lag: { dedup: 10 }, throughput: {}, deadLettersPending: 0, outboxPending: 0 },
  ];

  it('leaves samples with an unknown value out of a line', () => {
    const [dedup] = chartLines(series, ['dedup'], (point, name) => point.lag[name as 'dedup']);
    expect(dedup.points.map((point) => point.value)).toEqual([0, 10]);
  });

  it('draws time across and 0..max up, 0 at the bottom', () => {
    const from = Date.parse(series[0].at);
    const points = [
      { at: from, value: 0 },
      { at: from + 10_000, value: 10 },
    ];
    expect(polylinePoints(points, { from, to: from + 10_000, max: 10, width: 100, height: 50 })).toBe(
      '0.0,50.0 100.0,0.0',
    );
  });
});
