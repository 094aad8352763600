/**
 * A Server-Sent Events reader for GET /events: collects the events of one stream, parsed
 * into id, name and data, and waits for the ones a test expects.
 */
import { request } from 'node:https';
import type { ClientRequest } from 'node:http';
import { z } from 'zod';
import type { User } from './http';

export const EventData = z.strictObject({
  eventName: z.string(),
  blockNumber: z.int(),
  transactionId: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

export interface SseEvent {
  readonly id: string;
  readonly event: string;
  readonly data: z.output<typeof EventData>;
}

export class EventReader {
  readonly events: SseEvent[] = [];
  status = 0;
  #request: ClientRequest | undefined;
  #buffer = '';

  /** Opens the stream; resolves once the gateway answered with its headers. */
  static open(
    user: User,
    options: { lastEventId?: string; query?: string } = {},
  ): Promise<EventReader> {
    const reader = new EventReader();
    const headers: Record<string, string> = {
      authorization: `Bearer ${user.token}`,
      accept: 'text/event-stream',
    };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(`/events${options.query ?? ''}`, user.client.url),
        { method: 'GET', headers, agent: false, ca: user.client.agent.options.ca },
        (res) => {
          reader.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => reader.#feed(chunk));
          res.on('error', () => undefined);
          resolve(reader);
        },
      );
      reader.#request = req;
      req.on('error', reject);
      req.end();
    });
  }

  #feed(chunk: string): void {
    this.#buffer += chunk;
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const frame = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(': ');
        if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2));
      }
      const id = fields.get('id');
      const event = fields.get('event');
      const data = fields.get('data');
      if (id !== undefined && event !== undefined && data !== undefined) {
        this.events.push({ id, event, data: EventData.parse(JSON.parse(data)) });
      }
    }
  }

  /** Waits until an event matching PREDICATE arrived; returns it. */
  async waitFor(predicate: (e: SseEvent) => boolean, timeoutMs = 30_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching event within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.#request?.destroy();
  }
}

/** Events about one patient, in the order they came. */
export function aboutPatient(events: readonly SseEvent[], patientId: string): SseEvent[] {
  return events.filter((e) => e.data.payload.patientId === patientId);
}
