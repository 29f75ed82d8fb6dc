import { issueApiKey, parseApiKey, secretMatches } from './api-key';

describe('API keys', () => {
  it('are issued with a secret that only the holder has', () => {
    const issued = issueApiKey();
    const parsed = parseApiKey(issued.token)!;
    expect(parsed.keyId).toBe(issued.keyId);
    expect(issued.secretHash).not.toContain(parsed.secret);
    expect(secretMatches(parsed.secret, issued.secretHash)).toBe(true);
  });

  it('refuse a wrong secret for a real key id', () => {
    const issued = issueApiKey();
    const other = parseApiKey(issueApiKey().token)!;
    expect(secretMatches(other.secret, issued.secretHash)).toBe(false);
  });

  it.each(['', 'cck_', 'Bearer x', 'cck_0123456789abcdef_short', `cck_XYZ3456789abcdef_${'a'.repeat(43)}`])(
    'do not parse %j',
    (token) => {
      expect(parseApiKey(token)).toBeUndefined();
    },
  );
});
