/**
 * Live updates: the gateway's GET /events (Server-Sent Events) read with fetch(), because
 * EventSource cannot send the Authorization header. One stream per signed-in user; pages
 * subscribe by event name. After a break the stream reconnects with Last-Event-ID, so no
 * event is missed or seen twice.
 */
import { isRecord } from './api.js';
import type { LedgerEvent } from './contract.js';

export type FeedStatus = 'connecting' | 'live' | 'offline';

export interface EventFeedOptions {
  readonly token: () => string | undefined;
  readonly onUnauthenticated: () => void;
  readonly onStatus: (status: FeedStatus) => void;
}

export interface EventFeed {
  subscribe(names: readonly string[], handler: (event: LedgerEvent) => void): () => void;
  close(): void;
}

interface Subscription {
  readonly names: ReadonlySet<string>;
  readonly handler: (event: LedgerEvent) => void;
}

export function newEventFeed(options: Readonly<EventFeedOptions>): EventFeed {
  const subscriptions = new Set<Subscription>();
  const abort = new AbortController();
  let lastEventId: string | undefined;
  let retryMs = 3000;

  const dispatch = (event: LedgerEvent): void => {
    for (const s of [...subscriptions]) {
      if (s.names.has(event.eventName)) s.handler(event);
    }
  };

  const onBlock = (block: string): void => {
    let name = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const key = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (key === 'event') name = value;
      else if (key === 'data') data.push(value);
      else if (key === 'id') id = value;
      else if (key === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (id !== undefined) lastEventId = id;
    if (data.length === 0 || name === 'error') return;
    const event = ledgerEventOf(data.join('\n'));
    if (event !== undefined) dispatch(event);
  };

  const readOnce = async (): Promise<'again' | 'stop'> => {
    const token = options.token();
    if (token === undefined) return 'stop';
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    options.onStatus('connecting');
    const response = await fetch('/events', { headers, signal: abort.signal, cache: 'no-store' });
    if (response.status === 401) {
      options.onUnauthenticated();
      return 'stop';
    }
    if (!response.ok || response.body === null) return 'again';
    options.onStatus('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'again';
      buffer = (buffer + value).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        onBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  };

  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      let next: 'again' | 'stop';
      try {
        next = await readOnce();
      } catch {
        next = 'again';
      }
      if (next === 'stop' || abort.signal.aborted) return;
      options.onStatus('offline');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void run();

  return {
    subscribe(names, handler) {
      const subscription: Subscription = { names: new Set(names), handler };
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
    close() {
      subscriptions.clear();
      abort.abort();
    },
  };
}

function ledgerEventOf(text: string): LedgerEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (
    !isRecord(value) ||
    typeof value.eventName !== 'string' ||
    typeof value.blockNumber !== 'number' ||
    typeof value.transactionId !== 'string'
  ) {
    return undefined;
  }
  const payload = isRecord(value.payload) ? value.payload : {};
  return {
    eventName: value.eventName,
    blockNumber: value.blockNumber,
    transactionId: value.transactionId,
    payload,
  };
}
