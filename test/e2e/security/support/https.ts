/**
 * The gateways over HTTPS as the security suite reaches them: URLs from network.json shifted
 * by HEALTHLEDGER_PORT_OFFSET (so the suite runs on any of the local networks), users of
 * network.json logged in, and new users registered by the organisation's admin.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { z } from 'zod';
import type { OrgName } from '../../support/network';
import {
  bodyOf,
  expectStatus,
  GatewayClient,
  type HttpAnswer,
  type User,
} from '../../http/support/http';

const repo = join(__dirname, '..', '..', '..', '..', '..');
const description = JSON.parse(readFileSync(join(repo, 'network', 'network.json'), 'utf8')) as {
  host: string;
  orgs: { name: string; gatewayPort?: number }[];
};
const offset = Number(process.env.HEALTHLEDGER_PORT_OFFSET ?? 0);

export function gatewayPort(org: OrgName): number {
  const port = description.orgs.find((o) => o.name === org)?.gatewayPort;
  if (port === undefined) throw new Error(`${org} has no gateway`);
  return port + offset;
}

export function gatewayUrl(org: OrgName): string {
  return `https://${description.host}:${gatewayPort(org)}`;
}

const Registered = z.object({ password: z.string().min(1) });

export class Gateways {
  readonly #clients = new Map<OrgName, GatewayClient>();

  client(org: OrgName): GatewayClient {
    let client = this.#clients.get(org);
    if (!client) {
      client = new GatewayClient(org, gatewayUrl(org));
      this.#clients.set(org, client);
    }
    return client;
  }

  login(org: OrgName, userId: string): Promise<User> {
    return this.client(org).login(userId);
  }

  /** A new user registered by ORG's admin through /admin/users, logged in. */
  async newUser(
    org: OrgName,
    enrollmentId: string,
    attrs: { role: string; patientId?: string; practitionerId?: string },
  ): Promise<User> {
    const admin = await this.login(org, 'orgadmin');
    const res = expectStatus(await admin.post('/admin/users', { enrollmentId, ...attrs }), 201);
    return this.client(org).login(enrollmentId, bodyOf(Registered, res).password);
  }

  close(): void {
    for (const c of this.#clients.values()) c.close();
  }
}

/** POSTs TEXT as the JSON body, verbatim: for bodies JSON.stringify cannot write. */
export function postText(user: User, path: string, text: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, user.client.url),
      {
        method: 'POST',
        agent: user.client.agent,
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          let parsed: unknown = body;
          try {
            parsed = JSON.parse(body);
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
