import { isPrivateAddress, webhookUrlProblem } from './webhook-target';

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.example.org/crosscheck', false],
    ['http://hooks.example.org:8080/in?agency=FRA', false],
    ['https://203.0.113.10/hook', false],
  ])('%s may be called', (url, allowPrivate) => {
    expect(webhookUrlProblem(url, allowPrivate)).toBeUndefined();
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
    ['http://localhost:9000/x', 'publicHost'],
    ['http://api.localhost/x', 'publicHost'],
    ['http://127.0.0.1/x', 'publicHost'],
    ['http://10.1.2.3/x', 'publicHost'],
    ['http://172.20.0.1/x', 'publicHost'],
    ['http://192.168.1.1/x', 'publicHost'],
    ['http://169.254.169.254/latest/meta-data', 'publicHost'],
    ['http://[::1]:8080/x', 'publicHost'],
    ['http://[fd00::1]/x', 'publicHost'],
    ['http://[::ffff:127.0.0.1]/x', 'publicHost'],
    ['http://0.0.0.0/x', 'publicHost'],
    [`https://hooks.example.org/${'a'.repeat(2100)}`, 'maxLength'],
  ])('%s is refused by rule %s', (url, rule) => {
    expect(webhookUrlProblem(url, false)?.rule).toBe(rule);
  });

  it('allows loopback receivers when private targets are allowed (local runs and tests)', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', true)).toBeUndefined();
    expect(webhookUrlProblem('https://user:pw@127.0.0.1/hook', true)?.rule).toBe('noCredentials');
  });

  it('tells private addresses from public ones after resolution', () => {
    expect(isPrivateAddress('10.0.0.5')).toBe(true);
    expect(isPrivateAddress('fe80::1')).toBe(true);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2001:db8::1')).toBe(false);
  });
});
