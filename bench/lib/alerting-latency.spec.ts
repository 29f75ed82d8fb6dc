import { FirstArrivals, pairArrivals, slopePerSecond } from './alerting-latency';

describe('FirstArrivals', () => {
  it('keeps the first arrival of a key and counts the repeats', () => {
    const arrivals = new FirstArrivals();
    arrivals.record('a', 10);
    arrivals.record('a', 20);
    arrivals.record('b', 15);
    expect([...arrivals.at]).toEqual([
      ['a', 10],
      ['b', 15],
    ]);
    expect(arrivals.repeats).toBe(1);
    expect(arrivals.size).toBe(2);
  });
});

describe('pairArrivals', () => {
  it('pairs each sent key with its arrival, lists the lost ones and counts the unexpected', () => {
    const sent = new Map([
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ]);
    const arrived = new Map([
      ['b', 450],
      ['a', 150],
      ['z', 999],
    ]);
    expect(pairArrivals(sent, arrived)).toEqual({
      latencies: [50, 250],
      missing: ['c'],
      unexpected: 1,
      lastArrival: 450,
    });
  });

  it('has no last arrival when nothing arrived', () => {
    expect(pairArrivals(new Map([['a', 1]]), new Map()).lastArrival).toBeNaN();
  });
});

describe('slopePerSecond', () => {
  it('is the growth per second of a lag sampled in ms', () => {
    expect(slopePerSecond([0, 1000, 2000, 3000].map((at) => ({ at, value: 10 + (at / 1000) * 400 })))).toBeCloseTo(400);
    expect(
      slopePerSecond([
        { at: 0, value: 5 },
        { at: 500, value: 5 },
      ]),
    ).toBe(0);
  });

  it('is NaN with fewer than two distinct times', () => {
    expect(slopePerSecond([{ at: 1, value: 1 }])).toBeNaN();
    expect(
      slopePerSecond([
        { at: 1, value: 1 },
        { at: 1, value: 3 },
      ]),
    ).toBeNaN();
  });
});
