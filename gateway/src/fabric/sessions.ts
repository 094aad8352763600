/**
 * One Gateway SDK session per signed-in user, over the process's single gRPC connection,
 * signing with that user's own key from the wallet. Sessions are kept for reuse, the oldest
 * closed beyond a bound, and all closed on shutdown (before the connection).
 */
import type * as grpc from '@grpc/grpc-js';
import type { Gateway } from '@hyperledger/fabric-gateway';
import type { AuthUser } from '../auth/user';
import { unauthenticated } from '../http/problem';
import type { Wallet } from '../wallet/wallet';
import { type Deadlines, newGateway } from './connection';
import { newSigningIdentity } from './identity';

export interface Sessions {
  gatewayFor(user: AuthUser): Promise<Gateway>;
  /** Drops the user's session, e.g. after a new enrolment replaced their key. */
  forget(userId: string): void;
  close(): void;
}

export interface SessionsOptions {
  readonly client: grpc.Client;
  readonly wallet: Wallet;
  readonly mspId: string;
  readonly deadlines: Deadlines;
  readonly maxSessions?: number;
}

export function newSessions(options: Readonly<SessionsOptions>): Sessions {
  const max = options.maxSessions ?? 1000;
  // Promises, so that concurrent first requests of a user open one session, not several.
  const open = new Map<string, Promise<Gateway>>();

  const connect = async (user: AuthUser): Promise<Gateway> => {
    const credentials = await options.wallet.get(user.id);
    if (credentials === undefined)
      throw unauthenticated('no identity for this user here; log in again');
    const identity = newSigningIdentity(
      options.mspId,
      credentials.certificate,
      credentials.privateKey,
    );
    return newGateway(options.client, identity, options.deadlines);
  };

  const closeLater = (session: Promise<Gateway>) => {
    session.then((g) => g.close()).catch(() => undefined);
  };

  return {
    gatewayFor(user) {
      let session = open.get(user.id);
      if (session === undefined) {
        session = connect(user);
        open.set(user.id, session);
        session.catch(() => open.delete(user.id));
        if (open.size > max) {
          const [oldest] = open.keys();
          if (oldest !== undefined && oldest !== user.id) {
            closeLater(open.get(oldest) ?? Promise.reject(new Error('gone')));
            open.delete(oldest);
          }
        }
      }
      return session;
    },
    forget(userId) {
      const session = open.get(userId);
      if (session !== undefined) {
        open.delete(userId);
        closeLater(session);
      }
    },
    close() {
      for (const session of open.values()) closeLater(session);
      open.clear();
    },
  };
}
