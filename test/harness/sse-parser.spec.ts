import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('returns an event only once its block is complete, across chunk boundaries', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 2000\n\nid: 7\nevent: al')).toEqual([]);
    expect(parser.push('ert\ndata: {"recordId":"r1"}\n')).toEqual([]);
    expect(parser.push('\nid: 8\nevent: alert\ndata: {"recordId":"r2"}\n\n')).toEqual([
      { id: '7', event: 'alert', data: '{"recordId":"r1"}' },
      { id: '8', event: 'alert', data: '{"recordId":"r2"}' },
    ]);
  });

  it('skips keep-alive comments, joins multi-line data, reads CRLF, and keeps colons inside values', () => {
    const parser = new SseParser();
    expect(
      parser.push(': keep-alive\n\ndata: a: b\r\ndata: c\r\n\r\nevent: overflow\ndata: {"reason":"x"}\n\n'),
    ).toEqual([
      { event: 'message', data: 'a: b\nc' },
      { event: 'overflow', data: '{"reason":"x"}' },
    ]);
  });
});
