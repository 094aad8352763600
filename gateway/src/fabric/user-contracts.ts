/** Everything a request may do on the ledger, signed with the requesting user's identity. */
import type { AuthUser } from '../auth/user';
import type { ClaimsFacade } from '../claims/facade';
import type { ConsentFacade } from '../consent/facade';
import type { CredentialsFacade } from '../credentials/facade';
import type { EventFeed } from '../events/feed';
import type { RecordsFacade } from '../records/facade';

export interface UserContracts {
  readonly records: RecordsFacade;
  readonly consent: ConsentFacade;
  readonly credentials: CredentialsFacade;
  readonly claims: ClaimsFacade;
  readonly events: EventFeed;
}

export interface ContractsProvider {
  /** Fails with 401 when the user has no identity in the wallet (logged in elsewhere). */
  forUser(user: AuthUser): Promise<UserContracts>;
}
