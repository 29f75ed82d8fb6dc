/**
 * The planted groups of the network benchmarks: entities 1..n in consecutive
 * groups of 5-50 (seeded), as criminal groups sharing phones and addresses.
 * bench:network writes their edges with SQL; bench:network-links shares them
 * as records and checks which links between agencies' cases were alerted.
 */

/** A small seeded generator (mulberry32), so every run plants the same groups. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The planted group of each entity 1..n (groups of 5-50 consecutive entities); index 0 is unused. */
export function groupsOf(n: number, seed: number): number[] {
  const next = random(seed);
  const groups = new Array<number>(n + 1).fill(0);
  let group = 0;
  for (let i = 1; i <= n;) {
    const size = 5 + Math.floor(next() * 46);
    group++;
    for (let k = 0; k < size && i <= n; k++, i++) groups[i] = group;
  }
  return groups;
}
