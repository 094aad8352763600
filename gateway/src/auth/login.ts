/**
 * Logging in: the user enrols with the organisation's CA using their enrolment ID and
 * password; the new certificate and key go sealed into the wallet, replacing any earlier
 * session; the user's role and links come from the certificate's attributes.
 */
import { certificateAttributes } from '../ca/attributes';
import type { CaClient } from '../ca/ca-client';
import type { Sessions } from '../fabric/sessions';
import type { Wallet } from '../wallet/wallet';
import type { AuthUser } from './user';

export interface Authenticator {
  login(enrollmentId: string, password: string): Promise<AuthUser>;
}

export interface AuthenticatorOptions {
  readonly ca: CaClient;
  readonly wallet: Wallet;
  readonly sessions: Pick<Sessions, 'forget'>;
  readonly mspId: string;
}

export function newAuthenticator(options: Readonly<AuthenticatorOptions>): Authenticator {
  return {
    async login(enrollmentId, password) {
      const credentials = await options.ca.enroll(enrollmentId, password);
      await options.wallet.put(enrollmentId, credentials);
      options.sessions.forget(enrollmentId);
      const attrs = certificateAttributes(credentials.certificate);
      return {
        id: enrollmentId,
        mspId: options.mspId,
        role: attrs.role ?? '',
        ...(attrs.patientId === undefined ? {} : { patientId: attrs.patientId }),
        ...(attrs.practitionerId === undefined ? {} : { practitionerId: attrs.practitionerId }),
      };
    },
  };
}
