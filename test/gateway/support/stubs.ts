/**
 * Stubbed contract facades: every method a sinon stub, so route tests say what the ledger
 * answers and check what the route asked of it. Keys are listed as records so that a method
 * added to a facade and missing here fails to compile.
 */
import sinon from 'sinon';
import type { ClaimsFacade } from '../../../gateway/src/claims/facade';
import type { ConsentFacade } from '../../../gateway/src/consent/facade';
import type { CredentialsFacade } from '../../../gateway/src/credentials/facade';
import type {
  EventFeed,
  EventPosition,
  EventStream,
  LedgerEvent,
} from '../../../gateway/src/events/feed';
import type { Submitted } from '../../../gateway/src/fabric/runner';
import type { UserContracts } from '../../../gateway/src/fabric/user-contracts';
import type { RecordsFacade } from '../../../gateway/src/records/facade';

type Fn = (...args: never) => unknown;
export type Stubbed<T> = {
  [K in keyof T]: T[K] extends Fn ? sinon.SinonStub<Parameters<T[K]>, ReturnType<T[K]>> : never;
};

function stubAll<T>(keys: Record<keyof T, true>): Stubbed<T> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, sinon.stub()])) as Stubbed<T>;
}

const RECORDS: Record<keyof RecordsFacade, true> = {
  registerPatient: true,
  getPatient: true,
  verifyDemographics: true,
  addRecord: true,
  logAccess: true,
  readRecord: true,
  listRecords: true,
  recordHistory: true,
  verifyRecord: true,
  erasureEndorsers: true,
  erasePatient: true,
};
const CONSENT: Record<keyof ConsentFacade, true> = {
  grantConsent: true,
  revokeConsent: true,
  listConsents: true,
  declareEmergencyAccess: true,
  listEmergencyAccesses: true,
  emergencyNote: true,
  listAccessLog: true,
};
const CREDENTIALS: Record<keyof CredentialsFacade, true> = {
  issueCredential: true,
  renewCredential: true,
  suspendCredential: true,
  reinstateCredential: true,
  revokeCredential: true,
  verifyLicence: true,
  credentialsOfPractitioner: true,
  credentialHistory: true,
  licenceNote: true,
};
const CLAIMS: Record<keyof ClaimsFacade, true> = {
  publishPlan: true,
  getPlan: true,
  enrolMember: true,
  recordPriorAuth: true,
  submitClaim: true,
  adjudicateClaim: true,
  logClaimAccess: true,
  getClaim: true,
  listClaims: true,
  decidePendedClaim: true,
  appealClaim: true,
  decideAppeal: true,
  recordPayment: true,
};

/** An event feed fed by the test: push events, end the stream, see where it was opened. */
export class FakeFeed implements EventFeed {
  readonly positions: (EventPosition | undefined)[] = [];
  closed = 0;
  #queue: LedgerEvent[] = [];
  #wake: (() => void) | undefined;
  #ended = false;

  async open(position?: EventPosition): Promise<EventStream> {
    this.positions.push(position);
    const next = async (): Promise<IteratorResult<LedgerEvent>> => {
      while (this.#queue.length === 0 && !this.#ended) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
      const value = this.#queue.shift();
      return value === undefined ? { done: true, value: undefined } : { done: false, value };
    };
    return {
      [Symbol.asyncIterator]: () => ({ next }),
      close: () => {
        this.closed += 1;
        this.end();
      },
    };
  }

  push(event: LedgerEvent): void {
    this.#queue.push(event);
    this.#wake?.();
  }

  end(): void {
    this.#ended = true;
    this.#wake?.();
  }
}

export interface StubContracts extends UserContracts {
  readonly records: Stubbed<RecordsFacade>;
  readonly consent: Stubbed<ConsentFacade>;
  readonly credentials: Stubbed<CredentialsFacade>;
  readonly claims: Stubbed<ClaimsFacade>;
  readonly events: FakeFeed;
}

export function stubContracts(): StubContracts {
  return {
    records: stubAll<RecordsFacade>(RECORDS),
    consent: stubAll<ConsentFacade>(CONSENT),
    credentials: stubAll<CredentialsFacade>(CREDENTIALS),
    claims: stubAll<ClaimsFacade>(CLAIMS),
    events: new FakeFeed(),
  };
}

export const TX_ID = 'a'.repeat(64);

export function submitted(result: unknown, blockNumber = 7): Submitted {
  return { result, transactionId: TX_ID, blockNumber };
}
