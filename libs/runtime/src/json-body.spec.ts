import express from 'express';
import type { AddressInfo } from 'node:net';
import { jsonBody } from './json-body';

describe('jsonBody', () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.use(...jsonBody(1024));
    app.post('/', (request, response) => response.json({ received: request.body }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => server.close();
  });

  afterAll(() => close());

  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  };

  it.each([
    ['{"a":', 'application/json', 400, 'malformed_json'],
    ['x'.repeat(2048), 'application/json', 413, 'payload_too_large'],
    ['a=1', 'text/plain', 415, 'unsupported_media_type'],
    [`${'['.repeat(40)}${']'.repeat(40)}`, 'application/json', 400, 'too_deeply_nested'],
    ['{"name":"A\\u0000B"}', 'application/json', 400, 'invalid_text'],
  ])('refuses %#: %s…', async (body, contentType, status, code) => {
    const answer = await post(body, contentType);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
  });

  it('passes well-formed JSON through', async () => {
    expect(await post('{"a":[1,{"b":2}]}')).toEqual({ status: 200, body: { received: { a: [1, { b: 2 }] } } });
  });
});
