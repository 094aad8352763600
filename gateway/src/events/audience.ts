/**
 * Who hears an event. The chaincode names the organisations each event concerns in the
 * payload's `audience` (`*` for every organisation: a licence is a public fact); a user hears
 * only their own organisation's events, and a patient only those about themself. Blocks are
 * every member's, so this is not secrecy from the organisation: it keeps one user's stream
 * from carrying other organisations' and other patients' business.
 */
import type { AuthUser } from '../auth/user';

/** In `audience`: every organisation of the channel (chaincode/src/shared/events.ts). */
export const EVERY_ORGANISATION = '*';

export function concerns(user: AuthUser, payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const { audience, patientId } = payload as { audience?: unknown; patientId?: unknown };
  if (!Array.isArray(audience)) return false;
  if (!audience.includes(user.mspId) && !audience.includes(EVERY_ORGANISATION)) return false;
  return user.role !== 'patient' || (user.patientId !== undefined && patientId === user.patientId);
}
