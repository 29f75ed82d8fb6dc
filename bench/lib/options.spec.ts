import { benchOptions } from './options';

describe('benchmark options', () => {
  const options = benchOptions({}, ['--rate', '250', '--own-kafka', '--share', '0.5', '--report', 'out.json']);

  it('read flags, numbers and text, with fallbacks for what is not given', () => {
    expect([options.flag('own-kafka'), options.flag('no-probe')]).toEqual([true, false]);
    expect([options.number('rate', 500), options.number('seconds', 60), options.number('share', 0.15)]).toEqual([
      250, 60, 0.5,
    ]);
    expect([options.string('report', 'x.json'), options.string('seed', 'abc')]).toEqual(['out.json', 'abc']);
  });

  it.each([
    [['--rate', '-1'], {}, '--rate needs a positive number'],
    [['--rate', 'fast'], {}, '--rate needs a positive number'],
    [['--rate'], {}, '--rate needs a positive number'],
    [['--rate', '2.5'], { wholeNumbers: true }, '--rate needs a positive whole number'],
    [['--rate', '0'], {}, '--rate needs a positive number'],
  ])('refuse %j naming the option', (args, rule, message) => {
    expect(() => benchOptions(rule, args).number('rate', 1)).toThrow(message);
  });

  it('take a fraction where whole numbers are the rule but the option says otherwise', () => {
    expect(benchOptions({ wholeNumbers: true }, ['--share', '0.5']).number('share', 1, { whole: false })).toBe(0.5);
  });

  it('take zero where the option allows it, and nothing below', () => {
    expect(benchOptions({}, ['--failures', '0']).number('failures', 3, { zero: true })).toBe(0);
    expect(() => benchOptions({}, ['--failures', '-1']).number('failures', 3, { zero: true })).toThrow(
      '--failures needs a non-negative number',
    );
  });

  it('read lists of whole numbers', () => {
    expect(benchOptions({}, ['--instances', '1,3']).wholeNumbers('instances', '1')).toEqual([1, 3]);
    expect(benchOptions({}, []).wholeNumbers('instances', '1,2')).toEqual([1, 2]);
  });

  it.each([
    [['--sets', '0'], '--sets: each must be a whole number from 1 to 3, not 0'],
    [['--sets', '1,4'], '--sets: each must be a whole number from 1 to 3, not 4'],
    [['--sets', '1.5'], '--sets: each must be a whole number from 1 to 3, not 1.5'],
    [['--sets', 'two'], '--sets: each must be a whole number from 1 to 3, not two'],
  ])('refuse the list %j naming the option and the item', (args, message) => {
    expect(() => benchOptions({}, args).wholeNumbers('sets', '1', 3)).toThrow(message);
  });
});
