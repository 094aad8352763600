/**
 * New users for one test run, registered and enrolled through the organisation's real Fabric
 * CA (by its fabric-ca-client, as the CA's registrar), so that every run has its own patients
 * and practitioners and a reused network never sees the same pseudonym twice.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NETWORK_HOME, type OrgName, caPort, host } from './network';

const run = promisify(execFile);

export interface Attributes {
  readonly role: string;
  readonly patientId?: string;
  readonly practitionerId?: string;
}

/** A short random suffix for IDs of this run. */
export function runId(): string {
  return randomBytes(5).toString('hex');
}

async function caClient(org: OrgName, args: string[]): Promise<void> {
  const orgDir = join(NETWORK_HOME, 'orgs', org);
  await run('fabric-ca-client', [
    ...args,
    '--caname',
    `ca-${org}`,
    '--tls.certfiles',
    join(orgDir, 'ca', 'ca-cert.pem'),
    '-H',
    join(orgDir, 'ca-admin'),
  ]);
}

/** Registers and enrols a client identity with the given attributes; returns its MSP folder. */
export async function enrolUser(org: OrgName, id: string, attributes: Attributes): Promise<string> {
  const secret = randomBytes(12).toString('hex');
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}:ecert`)
    .join(',');
  await caClient(org, [
    'register',
    '--id.name',
    id,
    '--id.secret',
    secret,
    '--id.type',
    'client',
    '--id.attrs',
    attrs,
  ]);
  const mspDir = join(await mkdtemp(join(tmpdir(), `healthledger-${id}-`)), 'msp');
  await caClient(org, [
    'enroll',
    '-u',
    `https://${id}:${secret}@${host}:${caPort(org)}`,
    '-M',
    mspDir,
  ]);
  const [key] = await readdir(join(mspDir, 'keystore'));
  if (!key) throw new Error(`enrolment of ${id} wrote no private key`);
  await rename(join(mspDir, 'keystore', key), join(mspDir, 'keystore', 'key.pem'));
  return mspDir;
}
