/** A credential's history as people read it: each change, who made it, when and why. */
import type { HistoryEntry } from '../shared/ledger';
import type { Credential, CredentialAction, CredentialStatus } from './state';

export interface CredentialHistoryStep {
  readonly txId: string;
  /** When the change was committed (the transaction's timestamp). */
  readonly timestamp: string;
  readonly action: CredentialAction;
  readonly actor: string;
  readonly actorMsp: string;
  /** A code (licence-reasons.ts); the board's note, if any, is private to the board. */
  readonly reason: string | undefined;
  readonly status: CredentialStatus;
  readonly validFrom: string;
  readonly validTo: string;
  /** The whole version as it was stored by that change. */
  readonly credential: Credential;
}

/** Versions oldest first; credentials are never deleted, so a delete marker has no step. */
export function historySteps(
  versions: readonly HistoryEntry<Credential>[],
): CredentialHistoryStep[] {
  const steps: CredentialHistoryStep[] = [];
  for (const version of versions) {
    const credential = version.value;
    if (credential === undefined) continue;
    steps.push({
      txId: version.txId,
      timestamp: version.timestamp,
      action: credential.lastAction,
      actor: credential.lastActor,
      actorMsp: credential.lastActorMsp,
      reason: credential.lastReason,
      status: credential.status,
      validFrom: credential.validFrom,
      validTo: credential.validTo,
      credential,
    });
  }
  return steps;
}
