import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test';
const body = '{"event":"alert.raised"}';
const now = 1_780_000_000;

describe('webhook signatures', () => {
  it('verify with the same secret, body and a fresh timestamp', () => {
    expect(verifyWebhookSignature(secret, body, signWebhook(secret, body, now), now + 10)).toBe(true);
  });

  it('is HMAC-SHA256 over "<timestamp>.<body>", hex', () => {
    // openssl: printf '1780000000.{"event":"alert.raised"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook(secret, body, now)).toBe(
      't=1780000000,v1=30d3a164a36e0e00b4129478aeb13b9bbb43fb0e3143f683aebd493b4badbb10',
    );
  });

  it.each([
    ['another secret', () => verifyWebhookSignature('whsec_other', body, signWebhook(secret, body, now), now)],
    ['a changed body', () => verifyWebhookSignature(secret, `${body} `, signWebhook(secret, body, now), now)],
    [
      'an old timestamp (replay)',
      () => verifyWebhookSignature(secret, body, signWebhook(secret, body, now), now + 301),
    ],
    ['a missing header', () => verifyWebhookSignature(secret, body, undefined, now)],
    ['a garbled header', () => verifyWebhookSignature(secret, body, 't=abc,v1=xyz', now)],
  ])('fail with %s', (_, check) => {
    expect(check()).toBe(false);
  });
});
