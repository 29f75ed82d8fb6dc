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
  ])('refuse %j naming the option', (args, rule, message) => {
    expect(() => benchOptions(rule, args).number('rate', 1)).toThrow(message);
  });

  it('take a fraction where whole numbers are the rule but the option says otherwise', () => {
    expect(benchOptions({ wholeNumbers: true }, ['--share', '0.5']).number('share', 1, { whole: false })).toBe(0.5);
  });
});
