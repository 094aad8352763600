/**
 * The SSE event ID is the event's checkpoint, "<block>:<transactionId>": a client that
 * reconnects with Last-Event-ID resumes right after the last event it received.
 */
import { badRequest } from '../http/problem';
import type { EventPosition, LedgerEvent } from './feed';

const PATTERN = /^(\d{1,19}):([0-9a-f]{64})$/;

export function eventId(event: Pick<LedgerEvent, 'blockNumber' | 'transactionId'>): string {
  return `${event.blockNumber}:${event.transactionId}`;
}

/** The header wins over the fromBlock query (a reconnecting browser sends the header). */
export function startPosition(
  lastEventId: string | undefined,
  fromBlock: string | undefined,
): EventPosition | undefined {
  if (lastEventId !== undefined && lastEventId !== '') {
    const match = PATTERN.exec(lastEventId);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw badRequest('Last-Event-ID', 'must be "<block>:<transactionId>" as sent in an event id');
    }
    return { after: { blockNumber: BigInt(match[1]), transactionId: match[2] } };
  }
  if (fromBlock !== undefined) return { fromBlock: BigInt(fromBlock) };
  return undefined;
}
