import { allowlistProblems, webhookUrlProblem, WebhookTargets } from './webhook-target';

const byDefault = WebhookTargets.fromAllowlist('');

describe('webhook URLs', () => {
  it.each([
    'https://hooks.example.org/crosscheck',
    'http://hooks.example.org:8080/in?agency=FRA',
    'https://8.8.8.8/hook',
    'http://1.1.1.1:8443/hook',
    'https://[2606:4700:4700::1111]/hook',
    // Just outside the refused ranges.
    'http://11.0.0.1/x',
    'http://100.128.0.1/x',
    'http://169.255.0.1/x',
    'http://172.32.0.1/x',
    'http://192.169.0.1/x',
    'http://198.20.0.1/x',
    'http://223.255.255.254/x',
    // IPv6 forms of a public IPv4 address: mapped, NAT64 (DNS64 networks), 6to4.
    'http://[::ffff:8.8.8.8]/x',
    'http://[64:ff9b::808:808]/x',
    'http://[2002:808:808::1]/x',
  ])('%s may be called', (url) => {
    expect(webhookUrlProblem(url, byDefault)).toBeUndefined();
  });

  it.each([
    ['not a url', 'isUrl'],
    ['/relative/path', 'isUrl'],
    ['ftp://hooks.example.org/x', 'protocol'],
    ['javascript:alert(1)', 'protocol'],
    ['file:///etc/passwd', 'protocol'],
    ['https://user:secret@hooks.example.org/x', 'noCredentials'],
    ['https://token@hooks.example.org/x', 'noCredentials'],
    ['https://hooks.example.org/x#part', 'noFragment'],
    [`https://hooks.example.org/${'a'.repeat(2100)}`, 'maxLength'],
  ])('%s is refused by rule %s', (url, rule) => {
    expect(webhookUrlProblem(url, byDefault)?.rule).toBe(rule);
  });

  it.each([
    // loopback, and the other spellings of 127.0.0.1 that URLs normalise
    ['http://127.0.0.1/x', 'a loopback address'],
    ['http://127.255.255.254/x', 'a loopback address'],
    ['http://0x7f000001/x', 'a loopback address'],
    ['http://2130706433/x', 'a loopback address'],
    ['http://017700000001/x', 'a loopback address'],
    ['http://127.1/x', 'a loopback address'],
    ['http://[::1]:8080/x', 'a loopback address'],
    ['http://localhost:9000/x', 'a loopback name'],
    ['http://LOCALHOST/x', 'a loopback name'],
    ['http://localhost./x', 'a loopback name'],
    ['http://api.localhost/x', 'a loopback name'],
    // unspecified (reaches the local host on many systems)
    ['http://0.0.0.0/x', 'an unspecified address'],
    ['http://0/x', 'an unspecified address'],
    ['http://[::]/x', 'an unspecified address'],
    // private, shared and link-local, cloud metadata among them
    ['http://10.1.2.3/x', 'a private address'],
    ['http://10.255.255.255/x', 'a private address'],
    ['http://172.16.0.1/x', 'a private address'],
    ['http://172.31.255.254/x', 'a private address'],
    ['http://192.168.1.1/x', 'a private address'],
    ['http://100.64.0.1/x', 'a shared (carrier-grade NAT) address'],
    ['http://100.127.255.254/x', 'a shared (carrier-grade NAT) address'],
    ['http://169.254.169.254/latest/meta-data', 'a link-local address'],
    ['http://[fe80::1]/x', 'a link-local address'],
    ['http://[febf::1]/x', 'a link-local address'],
    ['http://[fc00::1]/x', 'a unique local address'],
    ['http://[fd12:3456::1]/x', 'a unique local address'],
    ['http://[fec0::1]/x', 'a site-local address'],
    ['http://[feff::1]/x', 'a site-local address'],
    // multicast and broadcast
    ['http://224.0.0.1/x', 'a multicast address'],
    ['http://239.255.255.250/x', 'a multicast address'],
    ['http://[ff02::1]/x', 'a multicast address'],
    ['http://255.255.255.255/x', 'the broadcast address'],
    // reserved, documentation and benchmarking
    ['http://198.18.0.1/x', 'a reserved, documentation or benchmarking address'],
    ['http://198.19.255.254/x', 'a reserved, documentation or benchmarking address'],
    ['http://192.0.2.1/x', 'a reserved, documentation or benchmarking address'],
    ['http://198.51.100.7/x', 'a reserved, documentation or benchmarking address'],
    ['http://203.0.113.10/x', 'a reserved, documentation or benchmarking address'],
    ['http://240.0.0.1/x', 'a reserved, documentation or benchmarking address'],
    ['http://[2001:db8::1]/x', 'a reserved, documentation or benchmarking address'],
    // IPv6 forms that carry a refused IPv4 address
    ['http://[::ffff:127.0.0.1]/x', 'a loopback address'],
    ['http://[::ffff:169.254.169.254]/x', 'a link-local address'],
    ['http://[::127.0.0.1]/x', 'a deprecated IPv4-compatible address'],
    ['http://[64:ff9b::7f00:1]/x', 'which embeds 127.0.0.1, a loopback address'],
    ['http://[64:ff9b::a9fe:a9fe]/x', 'which embeds 169.254.169.254, a link-local address'],
    ['http://[64:ff9b:1::a00:1]/x', 'a local-use NAT64 address'],
    ['http://[2002:7f00:1::]/x', 'which embeds 127.0.0.1, a loopback address'],
    ['http://[2002:c0a8:101::1]/x', 'which embeds 192.168.1.1, a private address'],
    ['http://[2001::1]/x', 'a Teredo address'],
    ['http://[100::1]/x', 'a discard-only address'],
    ['http://[100:1::1]/x', 'outside the global unicast range 2000::/3'],
  ])('%s is refused as %s', (url, kind) => {
    const problem = webhookUrlProblem(url, byDefault);
    expect(problem?.rule).toBe('publicHost');
    expect(problem?.message).toMatch(
      new RegExp(`^must point at a public address, not .*, ${kind.replace(/[()]/g, '\\$&')}$`),
    );
  });

  it('names the address as the URL normalised it', () => {
    expect(webhookUrlProblem('http://0x7f000001:3001/v1/admin/agencies', byDefault)?.message).toBe(
      'must point at a public address, not 127.0.0.1, a loopback address',
    );
  });
});

describe('the private-target allowlist', () => {
  const allowlisted = WebhookTargets.fromAllowlist('127.0.0.1:9000, 10.20.0.0/16,[::1]:9000,fd00:1::/32');

  it.each([
    ['http://127.0.0.1:9000/hook', true],
    ['http://localhost:9000/hook', true],
    ['http://[::ffff:127.0.0.1]:9000/hook', true],
    ['http://[::1]:9000/hook', true],
    ['http://10.20.3.4/hook', true],
    ['https://10.20.255.1:8443/hook', true],
    ['http://[fd00:1:2::3]/hook', true],
    ['https://hooks.example.org/hook', true],
    // the listed loopback address on any other port: the exchange's own services among them
    ['http://127.0.0.1:3001/v1/admin/agencies', false],
    ['http://127.0.0.1/hook', false],
    ['http://localhost:9001/hook', false],
    ['http://[::1]:9001/hook', false],
    ['http://127.0.0.2:9000/hook', false],
    ['http://0.0.0.0:9000/hook', false],
    ['http://10.21.0.1/hook', false],
    ['http://[fd00:2::1]/hook', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://[64:ff9b::7f00:1]:9000/hook', false],
  ])('%s may be called: %s', (url, allowed) => {
    expect(webhookUrlProblem(url, allowlisted)?.rule).toBe(allowed ? undefined : 'publicHost');
  });

  it('still applies every other rule to a listed address', () => {
    expect(webhookUrlProblem('https://user:pw@127.0.0.1:9000/hook', allowlisted)?.rule).toBe('noCredentials');
  });

  it('judges resolved addresses by port as well', () => {
    expect(allowlisted.refusal('127.0.0.1', 9000)).toBeUndefined();
    expect(allowlisted.refusal('127.0.0.1', 9001)).toBe('127.0.0.1, a loopback address');
    expect(allowlisted.refusal('10.20.0.7', 5432)).toBeUndefined();
    expect(allowlisted.refusal('8.8.8.8', 443)).toBeUndefined();
    expect(allowlisted.refusal('not-an-address', 443)).toBe('not-an-address, which is not an IP address');
  });

  it.each([
    ['', []],
    [' 127.0.0.1 , ::1 ,', []],
    ['127.0.0.1:9000,10.0.0.0/8:443,[::1]:9000,[fd00::/8]:443,fd00::/8', []],
    [
      'localhost',
      [
        '"localhost" is a host name; list the addresses or networks it should reach (what a name resolves to can change)',
      ],
    ],
    [
      'receiver.internal:8443',
      [
        '"receiver.internal:8443" is a host name; list the addresses or networks it should reach (what a name resolves to can change)',
      ],
    ],
    [
      '1.2.3',
      ['"1.2.3" must be an IP address or CIDR network, optionally with a port: 127.0.0.1:9000, 10.0.0.0/8, [::1]:9000'],
    ],
    [
      '[::1',
      ['"[::1" must be an IP address or CIDR network, optionally with a port: 127.0.0.1:9000, 10.0.0.0/8, [::1]:9000'],
    ],
    [
      '10.0.0.0/8/8',
      [
        '"10.0.0.0/8/8" must be an IP address or CIDR network, optionally with a port: 127.0.0.1:9000, 10.0.0.0/8, [::1]:9000',
      ],
    ],
    ['[127.0.0.1]:80', ['"[127.0.0.1]:80" puts an IPv4 address in brackets; write 127.0.0.1:9000']],
    ['10.0.0.0/33', ['"10.0.0.0/33" must have a prefix length from 0 to 32']],
    ['fd00::/129', ['"fd00::/129" must have a prefix length from 0 to 128']],
    [
      '127.0.0.1:0,[::1]:65536',
      ['"127.0.0.1:0" must have a port from 1 to 65535', '"[::1]:65536" must have a port from 1 to 65535'],
    ],
    ['127.0.0.1:http', ['"127.0.0.1:http" must have a port from 1 to 65535']],
  ])('reads %j with problems %j', (list, problems) => {
    expect(allowlistProblems(list)).toEqual(problems);
  });
});
