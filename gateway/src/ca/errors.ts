/**
 * Failures of the organisation's Fabric CA, classified so the gateway can answer them: wrong
 * password, an identity that exists already, a request the CA refuses, or no CA at all.
 */

export type CaFailure = 'unauthorized' | 'conflict' | 'rejected' | 'unreachable';

export class CaError extends Error {
  readonly failure: CaFailure;
  /** The CA's own messages, for the log only: they may name identities. */
  readonly caMessages: readonly string[];

  constructor(failure: CaFailure, message: string, caMessages: readonly string[] = []) {
    super(message);
    this.name = 'CaError';
    this.failure = failure;
    this.caMessages = caMessages;
  }
}
