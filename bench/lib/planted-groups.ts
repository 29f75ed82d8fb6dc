/**
 * The planted groups of the network benchmarks: entities 1..n in consecutive
 * groups of 5-50 (seeded), as criminal groups sharing phones and addresses.
 * bench:network writes their edges with SQL; bench:network-links shares them
 * as records and checks which links between agencies' cases were alerted.
 */
import { Prng } from '../../test/data/generator/prng';

/** The planted group of each entity 1..n (groups of 5-50 consecutive entities); index 0 is unused. */
export function groupsOf(n: number, seed: number): number[] {
  const random = new Prng(seed);
  const groups = new Array<number>(n + 1).fill(0);
  let group = 0;
  for (let i = 1; i <= n;) {
    const size = random.int(5, 50);
    group++;
    for (let k = 0; k < size && i <= n; k++, i++) groups[i] = group;
  }
  return groups;
}
