/** Reading alerting's live stream (Server-Sent Events) the way a browser's EventSource does; for tests and benchmarks. */

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * An incremental `text/event-stream` reader, as EventSource reads one: feed it
 * chunks as they come, get the events completed so far. Comments (`: keep-alive`)
 * and blocks without data are skipped; `\r\n` is read as `\n`.
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): SseEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: SseEvent[] = [];
    let boundary: number;
    while ((boundary = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      const event: SseEvent = { event: 'message', data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') {
          event.data += (hasData ? '\n' : '') + value;
          hasData = true;
        }
      }
      if (hasData) events.push(event);
    }
    return events;
  }
}
