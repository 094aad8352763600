/**
 * ProviderB turned hostile, mode (a): it runs its own CA and its own gateway, and its peer runs
 * the chaincode unchanged. Its CA writes whatever attributes it likes into certificates of
 * ProviderBMSP: a patient carrying the patientId of a ProviderA patient, a physician carrying a
 * ProviderA physician's practitionerId. With these and its real registrars and physician, it
 * tries to act for ProviderA's people at ProviderA's peer. Each attempt is refused with the
 * code the trust model promises (DESIGN.md section 3), none reaches any peer's ledger, the
 * target patient is as ProviderA left them, and the same moves by ProviderA's genuine people
 * still succeed, so that a refusal here means the rule and not a broken path.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { MSP, type OrgName } from '../support/network';
import { fileObservation } from '../support/records';
import { assertNeverCommitted } from '../security/support/refusals';
import {
  breakTheGlass,
  erase,
  getPatient,
  grantConsentToB,
  listRecords,
  logAccess,
  logThenRead,
  patientView,
  readRecord,
} from './support/moves';
import { describeOutcome, type Outcome, outcomeOf } from './support/outcome';
import { type Scene, setTheScene } from './support/scene';
import { note } from './support/table';

interface Attack {
  readonly who: string;
  readonly tries: string;
  readonly code: 'FORBIDDEN' | 'CREDENTIAL_INVALID';
  attempt(s: Scene): Promise<unknown>;
}

interface Rule {
  readonly rule: string;
  readonly attacks: readonly Attack[];
}

const FORGED_PATIENT = "ProviderB's certificate for ProviderA's patient";
const IMPOSTOR = "ProviderB's certificate for ProviderA's physician";

const RULES: readonly Rule[] = [
  {
    rule: 'a patient acts only with an identity of the organisation that registered them',
    attacks: [
      {
        who: FORGED_PATIENT,
        tries: "to list the patient's records",
        code: 'FORBIDDEN',
        attempt: (s) => listRecords(s.forgedPatient, s.target.patientId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to log an access to the patient's record",
        code: 'FORBIDDEN',
        attempt: (s) => logAccess(s.forgedPatient, s.record.recordId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to read the patient's record (after trying to log the access)",
        code: 'FORBIDDEN',
        attempt: (s) => logThenRead(s.forgedPatient, s.record.recordId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to list the patient's access trail",
        code: 'FORBIDDEN',
        attempt: (s) => patientView(s.forgedPatient, 'listAccessLog', s.target.patientId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to list the patient's consents",
        code: 'FORBIDDEN',
        attempt: (s) => patientView(s.forgedPatient, 'listConsents', s.target.patientId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to list the emergency accesses to the patient's records",
        code: 'FORBIDDEN',
        attempt: (s) => patientView(s.forgedPatient, 'listEmergencyAccesses', s.target.patientId),
      },
    ],
  },
  {
    rule: 'only a registrar of the registering provider erases a patient',
    attacks: [
      {
        who: "ProviderB's registrar1",
        tries: "to erase ProviderA's patient",
        code: 'FORBIDDEN',
        attempt: (s) => erase(s.registrarB, s.target.patientId),
      },
      {
        who: "a registrar freshly issued by ProviderB's CA",
        tries: "to erase ProviderA's patient",
        code: 'FORBIDDEN',
        attempt: (s) => erase(s.newRegistrarB, s.target.patientId),
      },
    ],
  },
  {
    rule: 'a practitioner ID counts only at the organisation its licence names',
    attacks: [
      {
        who: IMPOSTOR,
        tries: "to break the glass on ProviderA's patient",
        code: 'CREDENTIAL_INVALID',
        attempt: (s) => breakTheGlass(s.impostor, s.target.patientId),
      },
      {
        who: IMPOSTOR,
        tries: "to file a record for ProviderB's own patient",
        code: 'CREDENTIAL_INVALID',
        attempt: (s) => fileObservation(s.impostor, 'providerb', s.patientB.patientId, s.run, 2),
      },
    ],
  },
  {
    rule: "a consent is the patient's, given with their registering organisation's identity",
    attacks: [
      {
        who: "ProviderB's registrar1",
        tries: "to grant ProviderB consent for ProviderA's patient",
        code: 'FORBIDDEN',
        attempt: (s) => grantConsentToB(s.registrarB, s.target.patientId),
      },
      {
        who: "ProviderB's licensed physician",
        tries: "to grant ProviderB consent for ProviderA's patient",
        code: 'FORBIDDEN',
        attempt: async (s) => grantConsentToB(await s.physicianB.session(), s.target.patientId),
      },
      {
        who: FORGED_PATIENT,
        tries: "to grant ProviderB consent in that patient's name",
        code: 'FORBIDDEN',
        attempt: (s) => grantConsentToB(s.forgedPatient, s.target.patientId),
      },
    ],
  },
];

interface Control {
  readonly who: string;
  readonly does: string;
  act(s: Scene): Promise<unknown>;
}

// The same moves by ProviderA's own people, each on a patient of its own where it writes, so
// that the target stays as the attacks found it whatever the order.
const CONTROLS: readonly Control[] = [
  {
    who: "ProviderA's certificate for its patient",
    does: 'lists their records, logs an access and reads the record',
    act: async (s) => {
      const listed = z
        .object({ items: z.array(z.object({ recordId: z.string() })) })
        .parse(JSON.parse(await listRecords(s.targetUser, s.target.patientId)));
      assert.deepEqual(
        listed.items.map((r) => r.recordId),
        [s.record.recordId],
      );
      await logAccess(s.targetUser, s.record.recordId);
      const read = z
        .object({ resource: z.unknown() })
        .parse(JSON.parse(await readRecord(s.targetUser, s.record.recordId)));
      assert.deepEqual(read.resource, s.record.resource);
    },
  },
  {
    who: "ProviderA's certificate for another of its patients",
    does: 'grants ProviderB consent',
    act: (s) => grantConsentToB(s.controlUser, s.control.patientId),
  },
  {
    who: "ProviderA's registrar1",
    does: 'erases a patient ProviderA registered',
    act: async (s) => erase(await s.net.as('providera', 'registrar1'), s.erasable.patientId),
  },
  {
    who: "ProviderA's genuine physician",
    does: 'breaks the glass on a ProviderA patient',
    act: async (s) => breakTheGlass(await s.physicianA.session(), s.control.patientId),
  },
  {
    who: "ProviderA's genuine physician",
    does: 'files a record',
    act: async (s) =>
      fileObservation(await s.physicianA.session(), 'providera', s.control.patientId, s.run, 3),
  },
];

const PEER_ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];

describe('ProviderB turned hostile: its own CA and gateway, the chaincode unchanged', function () {
  this.timeout(300_000);
  let scene: Scene;
  const outcomes: { readonly attack: string; readonly outcome: Outcome }[] = [];

  before(async () => {
    scene = await setTheScene();
  });
  after(() => scene?.net.close());

  for (const { rule, attacks } of RULES) {
    describe(rule, () => {
      for (const attack of attacks) {
        it(`${attack.who} is refused ${attack.tries}: ${attack.code}`, async () => {
          const outcome = await outcomeOf(attack.attempt(scene));
          outcomes.push({ attack: `${attack.who} ${attack.tries}`, outcome });
          note(`${attack.who} tries ${attack.tries}`, attack.code, outcome);
          if (!outcome.refused) {
            assert.fail(`expected ${attack.code}, got success: ${describeOutcome(outcome)}`);
          }
          assert.equal(outcome.code, attack.code, outcome.text);
        });
      }
    });
  }

  describe("ProviderA's genuine people still do the same (positive controls)", () => {
    for (const control of CONTROLS) {
      it(`${control.who} ${control.does}`, async () => {
        const outcome = await outcomeOf(control.act(scene));
        note(`${control.who} ${control.does}`, 'allowed', outcome.refused ? outcome : 'allowed');
        if (outcome.refused) assert.fail(`refused ${outcome.where}: ${outcome.text}`);
      });
    }
  });

  describe('and afterwards nothing of the attacks is on the ledger', () => {
    it("no attempt was committed, and no refused transaction is in any peer's ledger", async () => {
      const accepted = outcomes.filter(
        (o) => !o.outcome.refused && o.outcome.transactionId !== undefined,
      );
      assert.deepEqual(
        accepted.map((o) => `${o.attack}: ${describeOutcome(o.outcome)}`),
        [],
        'attempts that reached the ledger',
      );
      const refused = outcomes.flatMap((o) => (o.outcome.refused ? [o.outcome] : []));
      for (const org of PEER_ORGS) {
        const observer = await scene.net.as(org, 'orgadmin');
        await assertNeverCommitted(observer.network, refused);
      }
    });

    it("ProviderA's patient is still registered by ProviderA and active", async () => {
      const registration = await getPatient(scene.targetUser, scene.target.patientId);
      assert.deepEqual(registration, {
        ...registration,
        registeredBy: MSP.providera,
        status: 'active',
      });
    });

    it('the patient has no consent and no emergency access', async () => {
      const id = scene.target.patientId;
      const consents = JSON.parse(await patientView(scene.targetUser, 'listConsents', id));
      const emergencies = JSON.parse(
        await patientView(scene.targetUser, 'listEmergencyAccesses', id),
      );
      assert.deepEqual({ consents, emergencies }, { consents: [], emergencies: [] });
    });

    it("the patient's access trail has no entry by ProviderB", async () => {
      const trail = z
        .object({ items: z.array(z.object({ readerMsp: z.string(), readerId: z.string() })) })
        .parse(
          JSON.parse(await patientView(scene.targetUser, 'listAccessLog', scene.target.patientId)),
        );
      assert.deepEqual(
        trail.items.filter((e) => e.readerMsp !== MSP.providera),
        [],
      );
    });

    it("ProviderB's patient has no record filed under the impostor's practitioner ID", async () => {
      const listed = z.object({ items: z.array(z.object({ recordId: z.string() })) }).parse(
        JSON.parse(
          await scene.registrarB.contract('records').evaluate('listRecords', {
            args: [scene.patientB.patientId, '10', ''],
            endorsingOrganizations: [MSP.providerb],
          }),
        ),
      );
      assert.deepEqual(listed.items, []);
    });
  });
});
