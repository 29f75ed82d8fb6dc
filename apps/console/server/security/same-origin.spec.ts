import { crossOriginProblem, type RequestProvenance } from './same-origin';

const CONSOLE = '127.0.0.1:3005';
const PUBLIC = 'https://console.agency.example';

describe('crossOriginProblem', () => {
  it.each<[string, RequestProvenance, string | undefined]>([
    [
      'a read from anywhere',
      { method: 'GET', origin: 'https://evil.example', fetchSite: 'cross-site', host: CONSOLE },
      undefined,
    ],
    ['a HEAD from anywhere', { method: 'HEAD', host: CONSOLE }, undefined],
    [
      'a change from the console’s own page',
      { method: 'POST', origin: `http://${CONSOLE}`, fetchSite: 'same-origin', host: CONSOLE },
      undefined,
    ],
    [
      'a change from a browser without Sec-Fetch-Site',
      { method: 'DELETE', origin: `http://${CONSOLE}`, host: CONSOLE },
      undefined,
    ],
    [
      'a change addressed to another name of the console',
      { method: 'PUT', origin: 'http://localhost:3005', host: 'localhost:3005' },
      undefined,
    ],
    [
      'a Host written in capitals',
      { method: 'POST', origin: 'http://localhost:3005', host: 'LocalHost:3005' },
      undefined,
    ],
    [
      'a change from another origin',
      { method: 'POST', origin: 'https://evil.example', host: CONSOLE },
      'Origin sameOrigin',
    ],
    [
      'a change from another port of the same host',
      { method: 'POST', origin: 'http://127.0.0.1:3006', host: CONSOLE },
      'Origin sameOrigin',
    ],
    ['a change from an opaque origin', { method: 'POST', origin: 'null', host: CONSOLE }, 'Origin sameOrigin'],
    ['a change without Origin', { method: 'DELETE', host: CONSOLE }, 'Origin isDefined'],
    [
      'a change the browser calls cross-site',
      { method: 'POST', origin: `http://${CONSOLE}`, fetchSite: 'cross-site', host: CONSOLE },
      'Sec-Fetch-Site sameOrigin',
    ],
    [
      'a change the browser calls same-site',
      { method: 'POST', origin: `http://${CONSOLE}`, fetchSite: 'same-site', host: CONSOLE },
      'Sec-Fetch-Site sameOrigin',
    ],
    [
      'a change the user started outside any page',
      { method: 'POST', origin: `http://${CONSOLE}`, fetchSite: 'none', host: CONSOLE },
      'Sec-Fetch-Site sameOrigin',
    ],
    ['a method no page uses', { method: 'PATCH', origin: 'https://evil.example', host: CONSOLE }, 'Origin sameOrigin'],
    ['a change without Host or Origin', { method: 'POST' }, 'Origin isDefined'],
  ])('%s', (_case, request, expected) => {
    const problem = crossOriginProblem(request, { scheme: 'http' });
    expect(problem && `${problem.field} ${problem.rule}`).toBe(expected);
  });

  it.each<[string, RequestProvenance, string | undefined]>([
    [
      'a change from the public origin',
      { method: 'POST', origin: PUBLIC, fetchSite: 'same-origin', host: CONSOLE },
      undefined,
    ],
    [
      'a change from the address the console listens on',
      { method: 'POST', origin: `http://${CONSOLE}`, host: CONSOLE },
      'Origin sameOrigin',
    ],
    [
      'a change from the public host over plain HTTP',
      { method: 'POST', origin: 'http://console.agency.example', host: 'console.agency.example' },
      'Origin sameOrigin',
    ],
  ])('with a public origin configured: %s', (_case, request, expected) => {
    const problem = crossOriginProblem(request, { publicOrigin: PUBLIC, scheme: 'http' });
    expect(problem && `${problem.field} ${problem.rule}`).toBe(expected);
  });

  it('names the origin it saw and the one it expected', () => {
    expect(
      crossOriginProblem({ method: 'POST', origin: 'https://evil.example', host: CONSOLE }, { scheme: 'http' })
        ?.message,
    ).toBe(
      `is https://evil.example, not this console (http://${CONSOLE}); changes are accepted only from the console's own pages`,
    );
    expect(
      crossOriginProblem({ method: 'POST', host: CONSOLE }, { publicOrigin: PUBLIC, scheme: 'http' })?.message,
    ).toBe(`is missing; changes are accepted only from the console's own pages (Origin: ${PUBLIC})`);
  });

  it.each<[string, RequestProvenance, string | undefined]>([
    ['a change from its own page', { method: 'POST', origin: `https://${CONSOLE}`, host: CONSOLE }, undefined],
    [
      'a change from the same host over plain HTTP',
      { method: 'POST', origin: `http://${CONSOLE}`, host: CONSOLE },
      'Origin sameOrigin',
    ],
  ])('when the console serves HTTPS itself: %s', (_case, request, expected) => {
    const problem = crossOriginProblem(request, { scheme: 'https' });
    expect(problem && `${problem.field} ${problem.rule}`).toBe(expected);
  });
});
