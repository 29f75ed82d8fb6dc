import { readDlqCommand, UsageError } from './dlq-command';

const env = { CROSSCHECK_API_KEY: 'cck_env' };

describe('the dlq command line', () => {
  it('lists with the filters given, against alerting on its default port', () => {
    expect(
      readDlqCommand(['list', '--topic', 'records.received.v1', '--error', 'trigger', '--since', 'x'], env),
    ).toEqual({
      run: { command: 'list', filters: { topic: 'records.received.v1', error: 'trigger', since: 'x' } },
      url: 'http://127.0.0.1:3004',
      key: 'cck_env',
      json: false,
    });
  });

  it('replays ids with a reason, with the key and address given on the command line', () => {
    expect(
      readDlqCommand(
        ['replay', '7', '8', '--reason', 'trigger fixed', '--api-key', 'cck_arg', '--url', 'http://h:1/'],
        env,
      ),
    ).toEqual({
      run: { command: 'replay', ids: ['7', '8'], filters: {}, reason: 'trigger fixed' },
      url: 'http://h:1',
      key: 'cck_arg',
      json: false,
    });
  });

  it('discards what filters select', () => {
    expect(readDlqCommand(['discard', '--key', 'poison', '--reason', 'test data', '--json'], env)?.run).toEqual({
      command: 'discard',
      ids: [],
      filters: { key: 'poison' },
      reason: 'test data',
    });
  });

  it('asks for help with no command', () => {
    expect(readDlqCommand([], env)).toBeUndefined();
    expect(readDlqCommand(['--help'], env)).toBeUndefined();
  });

  it.each([
    [['list'], {}, /operator API key is required/],
    [['replay', '7'], env, /needs --reason/],
    [['replay', '7', '--reason', '  '], env, /needs --reason/],
    [['replay', '--reason', 'why'], env, /needs dead letter ids, or filters/],
    [['discard', '7', '--topic', 'records.received.v1', '--reason', 'why'], env, /ids or filters, not both/],
    [['show'], env, /one dead letter id/],
    [['show', 'abc'], env, /abc: a dead letter id is a number/],
    [['list', '3'], env, /not ids/],
    [['purge'], env, /unknown command purge/],
    [['list', '--url', 'ftp://x'], env, /must be an http/],
    [['list', '--colour', 'red'], env, /Unknown option/],
  ])('refuses %j', (argv, environment, message) => {
    expect(() => readDlqCommand(argv as string[], environment)).toThrow(UsageError);
    expect(() => readDlqCommand(argv as string[], environment)).toThrow(message);
  });
});
