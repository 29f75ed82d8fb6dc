import { instancePort, instancesWanted } from './instances';

describe('instancesWanted', () => {
  it.each([
    [[], undefined, 1],
    [[], '', 1],
    [[], '3', 3],
    [['--instances', '2'], undefined, 2],
    [['--instances', '4'], '3', 4],
  ])('args %j with CROSSCHECK_INSTANCES=%s: %i', (args, fromEnv, expected) => {
    expect(instancesWanted(args, fromEnv)).toBe(expected);
  });

  it.each([['0'], ['13'], ['2.5'], ['three']])('refuses %s, naming the setting and the rule', (text) => {
    expect(() => instancesWanted([], text)).toThrow(
      `--instances (or CROSSCHECK_INSTANCES): must be a whole number from 1 to 12, not ${text}`,
    );
  });

  it('refuses a flag without a number', () => {
    expect(() => instancesWanted(['--instances'], '2')).toThrow(/--instances/);
  });
});

describe('instancePort', () => {
  it("puts the first instance on the service's port and each next one 100 above", () => {
    expect([1, 2, 3].map((instance) => instancePort(3002, instance))).toEqual([3002, 3102, 3202]);
  });
});
