/**
 * Fixtures and network configuration for the Caliper benchmark (scripts/bench/caliper/run.sh):
 * a new licensed physician of ProviderA (enrolled here; certificate and key written under the
 * network home, where every other identity of the network lives), registered patients, and
 * Caliper's network configuration and connection profile pointing at ProviderA's peer, all in
 * $HEALTHLEDGER_NETWORK_HOME/bench-caliper/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newCaClient } from '../../../gateway/src/ca/ca-client';
import { loadRegistrar } from '../../../gateway/src/ca/registrar';
import { Peers } from '../../../test/e2e/support/claims-flow';
import {
  CHAINCODE,
  CHANNEL,
  caPort,
  host,
  MSP,
  NETWORK_HOME,
  TestNetwork,
} from '../../../test/e2e/support/network';
import { licenceRequest } from '../../../test/e2e/support/people';
import { salt } from '../../../test/e2e/support/phi';
import { sdkSubmit } from '../calls';
import { demographics } from '../data';
import { peerPort } from '../env';

const PATIENTS = 16;
const out = join(NETWORK_HOME, 'bench-caliper');

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const orgDir = join(NETWORK_HOME, 'orgs', 'providera');
  const ca = newCaClient({
    url: `https://${host}:${caPort('providera')}`,
    caName: 'ca-providera',
    tlsRootCert: readFileSync(join(orgDir, 'ca', 'ca-cert.pem')),
    registrar: await loadRegistrar(join(orgDir, 'ca-admin', 'msp')),
  });
  const practitionerId = `pr-c${run}`;
  const id = `caliper-${run}-phy`;
  const secret = await ca.register({ id, attributes: { role: 'physician', practitionerId } });
  const credentials = await ca.enroll(id, secret);
  mkdirSync(join(out, 'physician'), { recursive: true, mode: 0o700 });
  writeFileSync(join(out, 'physician', 'cert.pem'), credentials.certificate);
  writeFileSync(join(out, 'physician', 'key.pem'), credentials.privateKey, { mode: 0o600 });

  const net = new TestNetwork();
  try {
    const officer = await net.as('board', 'officer1');
    const registrar = await net.as('providera', 'registrar1');
    const licenceNumber = `LIC-${practitionerId}`;
    const blocks: number[] = [];
    const must = (what: string, r: Awaited<ReturnType<typeof sdkSubmit>>) => {
      if (!r.ok) throw new Error(`${what} failed: ${r.failure?.detail}`);
      blocks.push(...(r.acked ?? []).map((a) => a.block));
    };
    must(
      'licence',
      await sdkSubmit(officer.contract('credentials'), 'issueCredential', {
        args: [JSON.stringify(licenceRequest(practitionerId, licenceNumber, MSP.providera))],
        endorsingOrganizations: [MSP.board],
      }),
    );
    const patients = Array.from(
      { length: PATIENTS },
      (_, i) => `pat-c${run}${String(i).padStart(3, '0')}`,
    );
    await Promise.all(
      patients.map(async (patientId, i) =>
        must(
          'patient',
          await sdkSubmit(registrar.contract('records'), 'registerPatient', {
            args: [patientId],
            transient: { payload: JSON.stringify(demographics(run, i, 'c')), salt: salt() },
            endorsingOrganizations: [MSP.providera],
          }),
        ),
      ),
    );
    await (await Peers.of(net)).settle(BigInt(Math.max(...blocks)), 60_000);
    writeFileSync(
      join(out, 'fixtures.json'),
      JSON.stringify({
        run,
        patients,
        licences: [{ licenceNumber, organisation: MSP.providera }],
      }),
    );
  } finally {
    net.close();
  }

  writeFileSync(
    join(out, 'connection-providera.yaml'),
    [
      'name: providera',
      'version: "1.0.0"',
      'client:',
      '  organization: providera',
      'organizations:',
      '  providera:',
      '    mspid: ProviderAMSP',
      '    peers: [peer0.providera]',
      'peers:',
      '  peer0.providera:',
      `    url: grpcs://${host}:${peerPort('providera')}`,
      '    tlsCACerts:',
      `      path: ${join(orgDir, 'msp', 'tlscacerts', 'ca.pem')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(out, 'networkconfig.yaml'),
    [
      'name: healthledger',
      'version: "2.0.0"',
      'caliper:',
      '  blockchain: fabric',
      'channels:',
      `  - channelName: ${CHANNEL}`,
      '    contracts:',
      `      - id: ${CHAINCODE}`,
      'organizations:',
      '  - mspid: ProviderAMSP',
      '    identities:',
      '      certificates:',
      '        - name: physician',
      '          clientPrivateKey:',
      `            path: ${join(out, 'physician', 'key.pem')}`,
      '          clientSignedCert:',
      `            path: ${join(out, 'physician', 'cert.pem')}`,
      '    connectionProfile:',
      `      path: ${join(out, 'connection-providera.yaml')}`,
      '      discover: false',
      '',
    ].join('\n'),
  );
  console.log(out);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
