/**
 * GET /events: the chaincode events that concern the caller (audience.ts: their organisation's,
 * and for a patient their own) as Server-Sent Events, read with the caller's own identity. Each event's id is its checkpoint, so a client reconnecting
 * with Last-Event-ID misses nothing and sees nothing twice. Payloads carry IDs and statuses
 * only (the chaincode never puts PHI in events).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ContractsProvider } from '../fabric/user-contracts';
import { unauthenticated } from '../http/problem';
import { NoBody, NoParams, type RouteDoc } from '../http/route';
import { parseBody, parsePart } from '../http/validation';
import type { Logger } from '../logger';
import { concerns } from './audience';
import type { LedgerEvent } from './feed';
import { eventId, startPosition } from './last-event-id';
import type { StreamRegistry } from './streams';

export const EventsQuery = z.strictObject({
  fromBlock: z
    .string()
    .regex(/^\d{1,19}$/, 'must be a block number')
    .optional(),
  names: z
    .string()
    .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'must be event names separated by commas')
    .optional()
    .describe('Only these events, e.g. RecordAdded,ConsentGranted'),
});

export const eventsDoc: RouteDoc = {
  method: 'get',
  path: '/events',
  tag: 'events',
  summary:
    'The chaincode events that concern the caller, as Server-Sent Events (text/event-stream)',
  description:
    "Only events whose payload.audience names the caller's organisation (or '*'), and for a patient only those about themself (payload.patientId). " +
    'Each event: id "<block>:<transactionId>", event <name>, data {eventName, blockNumber, transactionId, payload}. ' +
    'Reconnect with the Last-Event-ID header to resume after the last event received.',
  access: 'user',
  body: NoBody,
  query: EventsQuery,
  params: NoParams,
  success: { status: 200, description: 'text/event-stream' },
  errors: [400],
};

export interface EventsHandlerOptions {
  readonly contracts: ContractsProvider;
  readonly streams: StreamRegistry;
  readonly logger: Logger;
  readonly heartbeatMs?: number;
}

export function eventsHandler(options: Readonly<EventsHandlerOptions>) {
  return async (req: Request, res: Response): Promise<void> => {
    const user = res.locals.user;
    if (user === undefined) throw unauthenticated();
    parseBody(NoBody, req.body);
    const query = parsePart(EventsQuery, req.query, 'query');
    const position = startPosition(req.get('last-event-id'), query.fromBlock);
    const names = query.names === undefined ? undefined : new Set(query.names.split(','));
    const stream = await (await options.contracts.forUser(user)).events.open(position);

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    let stopped = false;
    const heartbeat = setInterval(
      () => res.write(': keep-alive\n\n'),
      options.heartbeatMs ?? 15_000,
    );
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      stream.close();
      res.end();
    };
    const unregister = options.streams.add(stop);
    res.on('close', stop);
    try {
      for await (const event of stream) {
        if (names !== undefined && !names.has(event.eventName)) continue;
        const payload = payloadOf(event.payload);
        if (concerns(user, payload)) res.write(format(event, payload));
      }
    } catch (err) {
      if (!stopped) {
        options.logger.warn('event stream failed', { requestId: res.locals.requestId, err });
        res.write(
          `event: error\ndata: ${JSON.stringify({ code: 'UNAVAILABLE', message: 'the event stream broke; reconnect' })}\n\n`,
        );
      }
    } finally {
      unregister();
      stop();
    }
  };
}

function format(event: LedgerEvent, payload: unknown): string {
  const data = {
    eventName: event.eventName,
    blockNumber: Number(event.blockNumber),
    transactionId: event.transactionId,
    payload,
  };
  return `id: ${eventId(event)}\nevent: ${event.eventName}\ndata: ${JSON.stringify(data)}\n\n`;
}

function payloadOf(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
