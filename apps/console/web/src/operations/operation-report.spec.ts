import { dailyBars, reportUrl } from './operation-report';

describe('dailyBars', () => {
  it('draws two bars a day on one scale, the highest count filling the height', () => {
    const bars = dailyBars(
      [
        { day: '2026-12-01', checks: 4, hits: 1 },
        { day: '2026-12-02', checks: 0, hits: 0 },
      ],
      200,
      100,
    );
    expect(bars.map(({ day, series, value, height }) => [day, series, value, height])).toEqual([
      ['2026-12-01', 'checks', 4, 100],
      ['2026-12-01', 'hits', 1, 25],
      ['2026-12-02', 'checks', 0, 0],
      ['2026-12-02', 'hits', 0, 0],
    ]);
    // Bars stand on the bottom edge and stay within their day's slot.
    for (const bar of bars) expect(bar.y + bar.height).toBe(100);
    expect(bars[2].x).toBeGreaterThanOrEqual(100);
    expect(bars[1].x + bars[1].width).toBeLessThanOrEqual(100);
  });

  it('draws nothing for no days, and a quiet period flat', () => {
    expect(dailyBars([], 200, 100)).toEqual([]);
    expect(dailyBars([{ day: '2026-12-01', checks: 0, hits: 0 }], 200, 100).map((bar) => bar.height)).toEqual([0, 0]);
  });
});

describe('reportUrl', () => {
  it('asks the console’s proxy for the report in the format named', () => {
    expect(reportUrl('TURQUESA-26', 'csv')).toBe('/api/matching/v1/operations/TURQUESA-26/report?format=csv');
  });
});
