/**
 * ProviderB turned hostile, mode (b): its peer runs a tampered build of the chaincode (the
 * honest contracts plus `forge`, which writes any key unchecked), and ProviderB sends forged
 * facts endorsed by its own peer alone. Each fact is forged twice:
 * - as its authority would write it, attestation included: the write into the authority's
 *   implicit collection (or a collection whose policy needs the authority) is refused, at
 *   endorsement or as ENDORSEMENT_POLICY_FAILURE at validation, and nothing of it is stored;
 * - as public keys only, which the channel's policy (any member's peer) lets through as VALID:
 *   then every honest reader ignores it, and ProviderB tries to read ProviderA's PHI with it at
 *   ProviderA's peer, and is refused.
 * Finally ProviderB's tampered chaincode looks straight into ProviderA's collection on its own
 * peer, which holds none of it. Positive controls show the same reads succeed with genuine
 * facts, so a refusal means the rule.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CredentialObject } from '../../../chaincode/src/credentials/state';
import { keys as claimKeys } from '../../../chaincode/src/claims/keys';
import {
  accessKey,
  type AccessEntry,
  consentKey,
  emergencyKey,
  type EmergencyAccess,
  lastAccessKey,
} from '../../../chaincode/src/consent/state';
import {
  contentKey,
  demographicsKey,
  patientKey,
  recordIndexKey,
  recordKey,
  versionKey,
} from '../../../chaincode/src/records/keys';
import { EMERGENCY_NOTE } from '../../../chaincode/src/consent/emergency-notes';
import { LICENCE_NOTE } from '../../../chaincode/src/credentials/contract';
import { claimsCollection, implicitCollection } from '../../../chaincode/src/shared/names';
import { noteKey } from '../../../chaincode/src/shared/private-note';
import { CommitFailedError } from '../../../gateway/src/fabric/transactions';
import { planTerms } from '../support/claims-data';
import { enrolUser, runId } from '../support/enrol';
import { MSP, type Session } from '../support/network';
import {
  licensedPhysician,
  logAccessAtCustodian,
  newPhysician,
  type Practitioner,
  readAtCustodian,
  type RegisteredPatient,
  registerPatient,
} from '../support/people';
import { type FiledRecord, fileObservation } from '../support/records';
import { SettledNetwork } from '../support/settled';
import { ledgerStatusOf, refusalOf } from '../security/support/refusals';
import type { ForgedWrite } from './tampered/index';
import { asTheAuthorityWould, Forger, keys, providerB } from './support/forgery';
import { breakTheGlass, grantConsentToB, listRecords, patientView } from './support/moves';
import { note } from './support/table';

interface Scene {
  readonly run: string;
  /** ProviderA's patient every forgery aims at; one record by physicianA, no consent. */
  readonly target: RegisteredPatient;
  readonly targetRecord: FiledRecord;
  readonly targetUser: Session;
  /** ProviderA's patient who consented to ProviderB: the positive controls read here. */
  readonly consenting: RegisteredPatient;
  readonly consentingRecord: FiledRecord;
  readonly consentingUser: Session;
  readonly physicianA: Practitioner;
  /** ProviderB's own physician, licensed at ProviderBMSP. */
  readonly physicianB: Practitioner;
  /** ProviderB's physician with no licence at all. */
  readonly rogue: Practitioner;
  readonly officer: Session;
  readonly adjudicator: Session;
  readonly intake: Session;
  readonly planId: string;
}

const BOARD = MSP.board;
const A = MSP.providera;
const B = MSP.providerb;
const INSURER = MSP.insurer;
const EPF = 'ENDORSEMENT_POLICY_FAILURE';
const REQUIRED = 'refused at endorsement or invalid at validation; nothing stored';

/** How a write of the authority's attestation by ProviderB alone ended: the validation code of
 * a committed-invalid transaction, or the endorsing peer's refusal. Never a VALID commit. */
async function refusedWrite(forger: Forger, writes: readonly ForgedWrite[]): Promise<string> {
  try {
    const committed = await forger.write(writes);
    return `ACCEPTED (committed in block ${committed.blockNumber})`;
  } catch (err) {
    if (err instanceof CommitFailedError) {
      return `committed invalid: ${err.code}`;
    }
    const refusal = await refusalOf(Promise.reject(err));
    return `refused at endorsement by ProviderB's own peer: ${firstLine(refusal.text)}`;
  }
}

/** The peer's own words, without the SDK's wrapping and the transaction ID. */
function firstLine(text: string): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? text)
    .replace(/^.*chaincode response \d+, /, '')
    .replace(/transaction ID: [0-9a-f]+: /, '');
  return line.replace(/\. Public hash version.*$/, '').slice(0, 140);
}

function assertRefusedWrite(outcome: string): void {
  assert.ok(
    outcome === `committed invalid: ${EPF}` || outcome.startsWith('refused at endorsement'),
    `a write of another organisation's attestation must never commit: ${outcome}`,
  );
}

describe('adversary mode (b): ProviderB runs a tampered chaincode server', function () {
  this.timeout(600_000);
  const net = new SettledNetwork();
  let s: Scene;
  let forger: Forger;
  let tampered = false;

  before(async function () {
    this.timeout(600_000);
    s = await setTheScene(net);
    await providerB('tamper');
    tampered = true;
    forger = new Forger(await net.as('providerb', 'registrar1'));
  });

  after(async () => {
    if (tampered) await providerB('restore');
    net.close();
  });

  /** Commits WRITES (public keys only) and waits until every peer has the block; the
   * validation code ProviderA's peer recorded for it. */
  async function forgePublic(writes: readonly ForgedWrite[]): Promise<string> {
    const committed = await forger.write(writes);
    await net.everyPeerHas(committed.blockNumber);
    const code = await ledgerStatusOf(s.targetUser.network, committed.transactionId);
    assert.equal(code, 'VALID', 'public keys alone pass the channel policy: the readers must hold');
    return `committed VALID in block ${committed.blockNumber}`;
  }

  describe("a patient registration in ProviderA's name", () => {
    let registration: Record<string, unknown>;
    before(async () => {
      registration = JSON.parse(
        await s.targetUser.contract('records').evaluate('getPatient', {
          args: [s.target.patientId],
          endorsingOrganizations: [A],
        }),
      ) as Record<string, unknown>;
    });
    // In the chaincode's own pseudonym format, so only the missing attestation can refuse it.
    const forged = `pat-${randomBytes(16).toString('hex')}`;
    const forgedId = () => forged;

    it("ProviderA's patient taken over (registeredBy rewritten to ProviderB): never committed", async () => {
      const outcome = await refusedWrite(forger, [
        {
          key: patientKey(keys, s.target.patientId),
          value: { ...registration, registeredBy: B },
        },
      ]);
      note(
        'rewrite ProviderA’s patient’s registration to name ProviderB',
        REQUIRED,
        `${outcome} (the key-level policy: ProviderA’s PEER)`,
        'b',
      );
      assertRefusedWrite(outcome);
    });

    it("a new registration naming ProviderA, with ProviderA's attestation: never committed", async () => {
      const key = patientKey(keys, forgedId());
      const outcome = await refusedWrite(
        forger,
        asTheAuthorityWould(A, key, { ...registration, patientId: forgedId() }),
      );
      note('forge a registration naming ProviderA, with its attestation', REQUIRED, outcome, 'b');
      assertRefusedWrite(outcome);
    });

    it('a new registration naming ProviderA, public key only: no such patient', async () => {
      const committed = await forgePublic([
        { key: patientKey(keys, forgedId()), value: { ...registration, patientId: forgedId() } },
      ]);
      const refusal = await refusalOf(
        s.targetUser.contract('records').evaluate('getPatient', {
          args: [forgedId()],
          endorsingOrganizations: [A],
        }),
      );
      assert.equal(refusal.code, 'NOT_FOUND');
      note(
        'forge a registration naming ProviderA, public key only',
        'no reader knows the patient',
        `${committed}; getPatient at ProviderA: ${refusal.code}`,
        'b',
      );
    });
  });

  describe('a licence for its unlicensed physician', () => {
    let credential: Record<string, unknown>;
    before(async () => {
      // The shape of a genuine licence: physicianB's, as the board wrote it.
      credential = {
        ...(await verify(s.officer, s.physicianB.licenceNumber, B)).credential,
        practitionerId: s.rogue.practitionerId,
        licenceNumber: s.rogue.licenceNumber,
      };
    });
    const credentialKey = () => keys.key(CredentialObject.Credential, s.rogue.licenceNumber);
    const indexKey = () =>
      keys.key(CredentialObject.ByPractitioner, s.rogue.practitionerId, s.rogue.licenceNumber);

    it("with the board's attestation: never committed", async () => {
      const outcome = await refusedWrite(forger, [
        ...asTheAuthorityWould(BOARD, credentialKey(), credential),
        { key: indexKey(), value: { practitionerId: s.rogue.practitionerId } },
      ]);
      note('forge a licence, with the board’s attestation', REQUIRED, outcome, 'b');
      assertRefusedWrite(outcome);
    });

    it('as public keys only: the board, ProviderA and the custodian all say it is no licence', async () => {
      const committed = await forgePublic([
        { key: credentialKey(), value: credential },
        {
          key: indexKey(),
          value: { practitionerId: s.rogue.practitionerId, licenceNumber: s.rogue.licenceNumber },
        },
      ]);
      for (const via of [s.officer, s.targetUser]) {
        const answer = await verify(via, s.rogue.licenceNumber, B);
        assert.deepEqual([answer.valid, answer.reason], [false, 'UNKNOWN']);
      }
      // With it, the rogue breaks the glass on ProviderA's patient (physicianB could, above).
      const refusal = await refusalOf(breakTheGlass(await s.rogue.session(), s.target.patientId));
      assert.equal(refusal.code, 'CREDENTIAL_INVALID');
      note(
        'forge a licence, public keys only; then its holder breaks the glass on ProviderA’s patient',
        'no reader accepts it; ProviderA’s peer refuses the emergency access',
        `${committed}; verifyLicence UNKNOWN (board’s and ProviderA’s peers); declareEmergencyAccess at ProviderA: ${refusal.code}`,
        'b',
      );
    });
  });

  describe("a consent in ProviderA's patient's name, to ProviderB", () => {
    let consent: Record<string, unknown>;
    before(async () => {
      // The shape of a genuine consent to ProviderB: the consenting patient's.
      const [genuine] = JSON.parse(
        await patientView(s.consentingUser, 'listConsents', s.consenting.patientId),
      ) as Record<string, unknown>[];
      assert.ok(genuine, 'the consenting patient has a consent to ProviderB');
      consent = { ...genuine, consentId: `forged-consent-${s.run}`, patientId: s.target.patientId };
    });
    const key = () => consentKey(keys, s.target.patientId, `forged-consent-${s.run}`);

    it("with the registering provider's attestation: never committed", async () => {
      const outcome = await refusedWrite(forger, asTheAuthorityWould(A, key(), consent));
      note('forge a consent to ProviderB, with ProviderA’s attestation', REQUIRED, outcome, 'b');
      assertRefusedWrite(outcome);
    });

    it('as a public key only: not the patient’s, and ProviderA refuses the read with it', async () => {
      const committed = await forgePublic([{ key: key(), value: consent }]);
      assert.equal(
        await patientView(s.targetUser, 'listConsents', s.target.patientId),
        '[]',
        'the patient sees no consent',
      );
      const log = await refusalOf(logAccessAtCustodian(s.physicianB, s.targetRecord.recordId));
      const read = await refusalOf(readAtCustodian(s.physicianB, s.targetRecord.recordId));
      assert.deepEqual([log.code, read.code], ['FORBIDDEN', 'FORBIDDEN']);
      note(
        'forge a consent to ProviderB, public key only; then ProviderB’s physician reads',
        'not listed as the patient’s; ProviderA’s peer refuses log and read',
        `${committed}; listConsents []; logAccess and readRecord at ProviderA: FORBIDDEN`,
        'b',
      );
    });
  });

  describe('an emergency access ten years long', () => {
    let emergency: EmergencyAccess;
    before(async () => {
      const [genuine] = JSON.parse(
        await patientView(s.consentingUser, 'listEmergencyAccesses', s.consenting.patientId),
      ) as EmergencyAccess[];
      assert.ok(genuine, 'physicianB broke the glass on the consenting patient');
      emergency = {
        ...genuine,
        accessId: `forged-emergency-${s.run}`,
        patientId: s.target.patientId,
        grantedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 10 * 365 * 86_400_000).toISOString(),
      };
    });

    it("with the registering provider's attestation: never committed", async () => {
      const outcome = await refusedWrite(
        forger,
        asTheAuthorityWould(A, emergencyKey(keys, emergency), emergency),
      );
      note(
        'forge a ten-year emergency access, with ProviderA’s attestation',
        REQUIRED,
        outcome,
        'b',
      );
      assertRefusedWrite(outcome);
    });

    it('as a public key only: not listed, and ProviderA refuses the read with it', async () => {
      const committed = await forgePublic([
        { key: emergencyKey(keys, emergency), value: emergency },
      ]);
      assert.equal(
        await patientView(s.targetUser, 'listEmergencyAccesses', s.target.patientId),
        '[]',
      );
      const log = await refusalOf(logAccessAtCustodian(s.physicianB, s.targetRecord.recordId));
      assert.equal(log.code, 'FORBIDDEN');
      note(
        'forge a ten-year emergency access, public key only; then its physician reads',
        'not listed; ProviderA’s peer refuses the read',
        `${committed}; listEmergencyAccesses []; logAccess at ProviderA: ${log.code}`,
        'b',
      );
    });
  });

  describe("an access entry for ProviderB's physician on ProviderA's record", () => {
    let entry: AccessEntry;
    before(async () => {
      // physicianB's genuine entry on the consenting patient's record, moved to the target's.
      const page = JSON.parse(
        await patientView(s.consentingUser, 'listAccessLog', s.consenting.patientId),
      ) as { items: AccessEntry[] };
      const genuine = page.items.find((e) => e.readerMsp === B && !e.emergency);
      assert.ok(genuine, "physicianB's read of the consenting patient's record is in the trail");
      entry = {
        ...genuine,
        accessId: `forged-access-${s.run}`,
        patientId: s.target.patientId,
        recordId: s.targetRecord.recordId,
        at: new Date().toISOString(),
      };
    });
    const writes = (): ForgedWrite[] => [
      { key: accessKey(keys, entry), value: entry },
      { key: lastAccessKey(keys, entry.recordId, entry.readerId), value: entry },
    ];

    it("with the custodian's attestation: never committed", async () => {
      const outcome = await refusedWrite(forger, [
        ...writes(),
        // The custodian attests both: the trail entry and the reader's latest entry.
        { collection: implicitCollection(A), key: accessKey(keys, entry), value: entry },
        {
          collection: implicitCollection(A),
          key: lastAccessKey(keys, entry.recordId, entry.readerId),
          value: entry,
        },
      ]);
      note('forge an access entry, with the custodian’s attestation', REQUIRED, outcome, 'b');
      assertRefusedWrite(outcome);
    });

    it('as public keys only: not in the trail, and the custodian returns no content', async () => {
      const committed = await forgePublic(writes());
      const trail = JSON.parse(
        await patientView(s.targetUser, 'listAccessLog', s.target.patientId),
      ) as { items: AccessEntry[] };
      assert.ok(!trail.items.some((e) => e.accessId === entry.accessId), 'not in the trail');
      const session = await s.physicianB.session();
      const read = await refusalOf(
        session.contract('records').evaluate('readRecord', {
          args: [s.targetRecord.recordId, ''],
          endorsingOrganizations: [A],
        }),
      );
      assert.equal(read.code, 'FORBIDDEN');
      note(
        'forge a fresh access entry, public keys only; then read the content',
        'not in the trail; the custodian’s peer refuses the read',
        `${committed}; not in listAccessLog; readRecord at ProviderA: ${read.code}`,
        'b',
      );
    });
  });

  describe('a record attributed to ProviderA', () => {
    let metadata: Record<string, unknown>;
    const recordId = () => `${s.targetRecord.recordId.slice(0, -4)}f0f0`;
    before(async () => {
      const page = JSON.parse(
        await listRecords(await s.physicianA.session(), s.target.patientId),
      ) as { items: Record<string, unknown>[] };
      const [genuine] = page.items;
      assert.ok(genuine, "the target's record is listed for its author");
      metadata = { ...genuine, recordId: recordId() };
    });
    const writes = (): ForgedWrite[] => [
      { key: recordKey(keys, s.target.patientId, recordId()), value: metadata },
      { key: versionKey(keys, recordId(), 1), value: metadata },
      {
        key: recordIndexKey(keys, recordId()),
        value: { recordId: recordId(), patientId: s.target.patientId },
      },
    ];

    it("with its content in ProviderA's collection: never committed", async () => {
      const outcome = await refusedWrite(forger, [
        ...writes(),
        {
          collection: implicitCollection(A),
          key: contentKey(keys, recordId(), 1),
          // No PHI of the run: the forger has none, and the placement scan looks for it.
          value: {
            resource: { resourceType: 'Observation', status: 'final' },
            salt: '00'.repeat(16),
          },
        },
      ]);
      note(
        'forge a record authored by ProviderA, content in ProviderA’s collection',
        REQUIRED,
        outcome,
        'b',
      );
      assertRefusedWrite(outcome);
    });

    it('as public metadata only: no reader lists it or names a custodian for it', async () => {
      const committed = await forgePublic(writes());
      const page = JSON.parse(
        await listRecords(await s.physicianA.session(), s.target.patientId),
      ) as { items: { recordId: string }[] };
      assert.deepEqual(
        page.items.map((r) => r.recordId),
        [s.targetRecord.recordId],
      );
      const custody = await refusalOf(
        s.targetUser.contract('records').evaluate('recordCustodian', {
          args: [recordId()],
          endorsingOrganizations: [A],
        }),
      );
      assert.equal(custody.code, 'NOT_FOUND');
      note(
        'forge a record authored by ProviderA, public metadata only',
        'not listed; no custodian; not readable',
        `${committed}; listRecords shows only the genuine record; recordCustodian: ${custody.code}`,
        'b',
      );
    });
  });

  describe("a plan in the insurer's name", () => {
    let plan: Record<string, unknown>;
    const planId = () => `${s.planId}-forged`;
    before(async () => {
      const genuine = JSON.parse(
        await s.adjudicator.contract('claims').evaluate('getPlan', {
          args: [s.planId, ''],
          endorsingOrganizations: [INSURER],
        }),
      ) as Record<string, unknown>;
      plan = { ...genuine, planId: planId() };
    });
    const writes = (): ForgedWrite[] => [
      { key: claimKeys.plan(keys, planId(), 1), value: plan },
      { key: claimKeys.planLatest(keys, planId()), value: { planId: planId(), version: 1 } },
    ];

    it("with the insurer's attestation: never committed", async () => {
      const outcome = await refusedWrite(forger, [
        ...writes(),
        {
          collection: implicitCollection(INSURER),
          key: claimKeys.plan(keys, planId(), 1),
          value: plan,
        },
      ]);
      note('forge a plan, with the insurer’s attestation', REQUIRED, outcome, 'b');
      assertRefusedWrite(outcome);
    });

    it('as public keys only: the insurer does not know it', async () => {
      const committed = await forgePublic(writes());
      const refusal = await refusalOf(
        s.adjudicator.contract('claims').evaluate('getPlan', {
          args: [planId(), ''],
          endorsingOrganizations: [INSURER],
        }),
      );
      assert.equal(refusal.code, 'NOT_FOUND');
      note(
        'forge a plan, public keys only',
        'the insurer’s peer does not know it',
        `${committed}; getPlan at the insurer: ${refusal.code}`,
        'b',
      );
    });
  });

  describe('a paid claim of ProviderB', () => {
    const claimId = () => `clm-forged-${s.run}`;
    const claim = () => ({
      claimId: claimId(),
      submittingMsp: B,
      providerMsp: B,
      insurerMsp: INSURER,
      status: 'paid',
      hash: '0'.repeat(64),
      submittedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });

    it("with its record and payment in ProviderB's claims collection: never committed", async () => {
      const outcome = await refusedWrite(forger, [
        { key: claimKeys.claim(keys, claimId()), value: claim() },
        {
          collection: claimsCollection(B),
          key: claimKeys.claimRecord(keys, claimId()),
          value: { claimId: claimId(), payment: { amountCents: 1_000_000, paidOn: '2026-12-01' } },
        },
      ]);
      note(
        'forge a paid claim, its record and payment in the claims collection',
        REQUIRED,
        outcome,
        'b',
      );
      assertRefusedWrite(outcome);
    });

    it('as a public key only: the insurer refuses to log an access to it', async () => {
      const committed = await forgePublic([
        { key: claimKeys.claim(keys, claimId()), value: claim() },
      ]);
      const refusal = await refusalOf(
        s.intake.contract('claims').submit('logClaimAccess', {
          args: [claimId()],
          endorsingOrganizations: [INSURER],
        }),
      );
      assert.equal(refusal.code, 'NOT_FOUND');
      assert.ok(
        !(await paidClaimIds(s.adjudicator)).includes(claimId()),
        "not in the insurer's list of paid claims",
      );
      note(
        'forge a paid claim, public key only; then the insurer reads it',
        'the insurer’s peer does not know it',
        `${committed}; logClaimAccess at the insurer: ${refusal.code}; not in its listClaims`,
        'b',
      );
    });
  });

  describe("private facts in another organisation's implicit collection", () => {
    // No PHI in the values: the forger has none, and the placement scan looks for the run's.
    const cases = (): [string, ForgedWrite][] => [
      [
        'a note beside an emergency access, in ProviderA’s collection',
        {
          collection: implicitCollection(A),
          key: noteKey(keys, EMERGENCY_NOTE, [`forged-emergency-${s.run}`]),
          value: { about: EMERGENCY_NOTE, subject: [`forged-emergency-${s.run}`], note: 'x' },
        },
      ],
      [
        'a note beside a licence change, in the board’s collection',
        {
          collection: implicitCollection(BOARD),
          key: noteKey(keys, LICENCE_NOTE, [s.rogue.licenceNumber, s.run]),
          value: { about: LICENCE_NOTE, subject: [s.rogue.licenceNumber], note: 'x' },
        },
      ],
      [
        'a plan membership, in the insurer’s collection',
        {
          collection: implicitCollection(INSURER),
          key: claimKeys.member(keys, 'a secret the forger does not have', s.target.patientId),
          value: { planId: s.planId },
        },
      ],
    ];

    it('each write is never committed', async () => {
      for (const [what, write] of cases()) {
        const outcome = await refusedWrite(forger, [write]);
        note(`forge ${what}`, REQUIRED, outcome, 'b');
        assertRefusedWrite(outcome);
      }
    });
  });

  describe("ProviderB's tampered chaincode reads ProviderA's collection on ProviderB's own peer", () => {
    it('gets no demographics and no record content', async () => {
      const answers: string[] = [];
      for (const key of [
        demographicsKey(keys, s.target.patientId),
        contentKey(keys, s.targetRecord.recordId, 1),
      ]) {
        answers.push(
          await forger.peek('providerb', implicitCollection(A), key).then(
            (text) => `returned ${text === '' ? 'nothing' : `${text.length} bytes`}`,
            (err: unknown) => `failed: ${firstLine(String((err as Error).message))}`,
          ),
        );
      }
      for (const answer of answers) {
        assert.ok(!answer.startsWith('returned') || answer === 'returned nothing', answer);
      }
      const atA = await refusalOf(
        forger.peek('providera', implicitCollection(A), demographicsKey(keys, s.target.patientId)),
      );
      note(
        'read ProviderA’s demographics and record content with no check, on ProviderB’s peer',
        'ProviderB’s peer holds none of it',
        `demographics: ${answers[0]}; content: ${answers[1]}`,
        'b',
      );
      note(
        'the same read sent to ProviderA’s peer',
        'ProviderA runs the honest chaincode: there is no such transaction',
        `refused at evaluation by ProviderA’s peer (${firstLine(atA.text)})`,
        'b',
      );
    });
  });
});

/** Every paid claim the insurer's peer lists, page after page. */
async function paidClaimIds(insurer: Session): Promise<string[]> {
  const ids: string[] = [];
  let bookmark = '';
  do {
    const page = JSON.parse(
      await insurer.contract('claims').evaluate('listClaims', {
        args: ['paid', '100', bookmark],
        endorsingOrganizations: [INSURER],
      }),
    ) as { items: { claimId: string }[]; bookmark: string };
    ids.push(...page.items.map((c) => c.claimId));
    bookmark = page.bookmark;
  } while (bookmark !== '');
  return ids;
}

/** The board's verifyLicence, evaluated by VIA at its own peer. */
async function verify(
  via: Session,
  licenceNumber: string,
  organisation: string,
): Promise<{ valid: boolean; reason: string; credential: Record<string, unknown> }> {
  return JSON.parse(
    await via.contract('credentials').evaluate('verifyLicence', {
      args: [licenceNumber, organisation, ''],
    }),
  );
}

async function setTheScene(net: SettledNetwork): Promise<Scene> {
  const run = runId();
  const [physicianA, physicianB, rogue] = await Promise.all([
    licensedPhysician(net, 'providera', `pr-tb-a-${run}`),
    licensedPhysician(net, 'providerb', `pr-tb-b-${run}`),
    newPhysician(net, 'providerb', `pr-tb-r-${run}`),
  ]);
  const target = await registerPatient(net, 'providera', `${run}tb-t`);
  const consenting = await registerPatient(net, 'providera', `${run}tb-c`);
  const authorA = await physicianA.session();
  const targetRecord = await fileObservation(authorA, 'providera', target.patientId, run, 11);
  const consentingRecord = await fileObservation(
    authorA,
    'providera',
    consenting.patientId,
    run,
    12,
  );
  const [targetDir, consentingDir] = await Promise.all([
    enrolUser('providera', `tb-${run}-target`, { role: 'patient', patientId: target.patientId }),
    enrolUser('providera', `tb-${run}-consenting`, {
      role: 'patient',
      patientId: consenting.patientId,
    }),
  ]);
  const targetUser = await net.as('providera', { mspDir: targetDir });
  const consentingUser = await net.as('providera', { mspDir: consentingDir });

  // Genuine facts whose shapes the forgeries copy, and the positive controls.
  await grantConsentToB(consentingUser, consenting.patientId);
  await logAccessAtCustodian(physicianB, consentingRecord.recordId);
  const read = (await readAtCustodian(physicianB, consentingRecord.recordId)) as {
    resource: unknown;
  };
  assert.deepEqual(read.resource, consentingRecord.resource, 'ProviderB reads under consent');
  await breakTheGlass(await physicianB.session(), consenting.patientId);

  const adjudicator = await net.as('insurer', 'adjudicator1');
  const planId = `plan-tb-${run}`;
  await adjudicator.contract('claims').submit('publishPlan', {
    args: [JSON.stringify(planTerms(planId, false))],
    endorsingOrganizations: [MSP.insurer],
  });
  return {
    run,
    target,
    targetRecord,
    targetUser,
    consenting,
    consentingRecord,
    consentingUser,
    physicianA,
    physicianB,
    rogue,
    officer: await net.as('board', 'officer1'),
    adjudicator,
    intake: await net.as('insurer', 'intake1'),
    planId,
  };
}
