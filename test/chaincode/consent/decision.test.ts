import assert from 'node:assert/strict';
import {
  type AccessDecision,
  type AccessRequest,
  decideAccess,
} from '../../../chaincode/src/consent/decision';
import type { Consent, EmergencyAccess } from '../../../chaincode/src/consent/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { consent, DOCTOR, emergency, OTHER_DOCTOR, OTHER_PATIENT, request } from './fixtures';

interface Row {
  readonly when: string;
  readonly consents?: Consent[];
  readonly emergencies?: EmergencyAccess[];
  readonly request?: Partial<AccessRequest>;
  readonly expect: AccessDecision;
}

const byConsent = (consentId = 'c1'): AccessDecision => ({
  allowed: true,
  basis: 'consent',
  consentId,
});
const byEmergency = (accessId = 'e1'): AccessDecision => ({
  allowed: true,
  basis: 'emergency',
  accessId,
});
const denied = (reason: Extract<AccessDecision, { allowed: false }>['reason']): AccessDecision => ({
  allowed: false,
  reason,
});

const practitionerGrant = {
  kind: 'practitioner',
  mspId: Msp.ProviderA,
  practitionerId: DOCTOR,
} as const;
const insurerGrant = { kind: 'organisation', mspId: Msp.Insurer } as const;
const atProviderB = { mspId: Msp.ProviderB, practitionerId: DOCTOR };

const readers: Row[] = [
  { when: 'there is no consent at all', expect: denied('NO_CONSENT') },
  { when: 'the reader’s organisation holds a grant', consents: [consent()], expect: byConsent() },
  {
    when: 'the grant is to another organisation',
    consents: [consent({ grantee: insurerGrant })],
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'an organisation grant is read by a reader with no practitioner ID (a registrar)',
    consents: [consent()],
    request: { reader: { mspId: Msp.ProviderA } },
    expect: byConsent(),
  },
  {
    when: 'the grant is to the reading practitioner',
    consents: [consent({ grantee: practitionerGrant })],
    expect: byConsent(),
  },
  {
    when: 'the same practitioner ID reads at another organisation (its CA can issue any ID)',
    consents: [consent({ grantee: practitionerGrant })],
    request: { reader: atProviderB },
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'the grant is to another practitioner of the same organisation',
    consents: [
      consent({
        grantee: { kind: 'practitioner', mspId: Msp.ProviderA, practitionerId: OTHER_DOCTOR },
      }),
    ],
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'a practitioner grant is read by a reader with no practitioner ID',
    consents: [consent({ grantee: practitionerGrant })],
    request: { reader: { mspId: Msp.ProviderA } },
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'the grant is another patient’s',
    consents: [consent({ patientId: OTHER_PATIENT })],
    expect: denied('NO_CONSENT'),
  },
];

const scopeAndPurpose: Row[] = [
  {
    when: 'the scope lists the category',
    consents: [consent({ scope: ['observation', 'condition'] })],
    expect: byConsent(),
  },
  {
    when: 'the scope does not list the category',
    consents: [consent({ scope: ['observation', 'medication'] })],
    expect: denied('OUT_OF_SCOPE'),
  },
  {
    when: 'the scope is all, for any category',
    consents: [consent()],
    request: { category: 'document' },
    expect: byConsent(),
  },
  {
    when: 'the purpose differs',
    consents: [consent({ purpose: 'research' })],
    expect: denied('WRONG_PURPOSE'),
  },
  {
    when: 'both purpose and scope differ',
    consents: [consent({ purpose: 'payment', scope: ['allergy'] })],
    expect: denied('WRONG_PURPOSE'),
  },
];

const windows: Row[] = [
  {
    when: 'read exactly at validFrom (inclusive start)',
    consents: [consent()],
    request: { at: '2026-01-01T00:00:00.000Z' },
    expect: byConsent(),
  },
  {
    when: 'read one millisecond before validFrom',
    consents: [consent()],
    request: { at: '2025-12-31T23:59:59.999Z' },
    expect: denied('NOT_YET_VALID'),
  },
  {
    when: 'read one millisecond before validTo',
    consents: [consent()],
    request: { at: '2026-12-30T23:59:59.999Z' },
    expect: byConsent(),
  },
  {
    when: 'read exactly at validTo (exclusive end)',
    consents: [consent()],
    request: { at: '2026-12-31T00:00:00.000Z' },
    expect: denied('EXPIRED'),
  },
  {
    when: 'read after validTo',
    consents: [consent()],
    request: { at: '2027-06-01T00:00:00.000Z' },
    expect: denied('EXPIRED'),
  },
  {
    when: 'the request time carries an offset',
    consents: [consent()],
    request: { at: '2026-01-01T01:00:00+01:00' },
    expect: byConsent(),
  },
];

const revoked = consent({ status: 'revoked', revokedAt: '2026-02-01T00:00:00.000Z' });

const statusAndSeveral: Row[] = [
  { when: 'the grant was revoked', consents: [revoked], expect: denied('REVOKED') },
  {
    when: 'the grant was revoked and has also expired',
    consents: [revoked],
    request: { at: '2027-06-01T00:00:00.000Z' },
    expect: denied('REVOKED'),
  },
  {
    when: 'a revoked grant is followed by one that allows',
    consents: [revoked, consent({ consentId: 'c2' })],
    expect: byConsent('c2'),
  },
  {
    when: 'two grants allow (the first by key order answers)',
    consents: [
      consent({ consentId: 'c1' }),
      consent({ consentId: 'c2', grantee: practitionerGrant }),
    ],
    expect: byConsent('c1'),
  },
  {
    when: 'an organisation grant is out of scope but a practitioner grant covers it',
    consents: [
      consent({ scope: ['allergy'] }),
      consent({ consentId: 'c2', grantee: practitionerGrant }),
    ],
    expect: byConsent('c2'),
  },
  {
    when: 'a revoked treatment grant and an active payment grant: the revoked one is meant',
    consents: [revoked, consent({ consentId: 'c2', purpose: 'payment' })],
    expect: denied('REVOKED'),
  },
  {
    when: 'an out-of-scope grant and a wrong-purpose grant',
    consents: [consent({ purpose: 'research' }), consent({ consentId: 'c2', scope: ['allergy'] })],
    expect: denied('OUT_OF_SCOPE'),
  },
  {
    when: 'an expired grant and a revoked grant',
    consents: [revoked, consent({ consentId: 'c2', validTo: '2026-02-01T00:00:00.000Z' })],
    expect: denied('EXPIRED'),
  },
  {
    when: 'an expired grant and one not yet valid',
    consents: [
      consent({ validTo: '2026-02-01T00:00:00.000Z' }),
      consent({ consentId: 'c2', validFrom: '2026-04-01T00:00:00.000Z' }),
    ],
    expect: denied('NOT_YET_VALID'),
  },
  {
    when: 'only other readers’ grants were revoked',
    consents: [
      consent({ grantee: insurerGrant, status: 'revoked', revokedAt: '2026-02-01T00:00:00.000Z' }),
    ],
    expect: denied('NO_CONSENT'),
  },
];

const emergencies: Row[] = [
  {
    when: 'the physician declared an emergency half an hour ago',
    emergencies: [emergency()],
    expect: byEmergency(),
  },
  {
    when: 'read exactly when the emergency was declared',
    emergencies: [emergency()],
    request: { at: '2026-03-01T11:30:00.000Z' },
    expect: byEmergency(),
  },
  {
    when: 'read exactly when the emergency expires',
    emergencies: [emergency()],
    request: { at: '2026-03-01T12:30:00.000Z' },
    expect: denied('EXPIRED'),
  },
  {
    when: 'read before the emergency was declared',
    emergencies: [emergency()],
    request: { at: '2026-03-01T11:00:00.000Z' },
    expect: denied('NOT_YET_VALID'),
  },
  {
    when: 'the emergency covers every category',
    emergencies: [emergency()],
    request: { category: 'document' },
    expect: byEmergency(),
  },
  {
    when: 'the emergency is read for payment',
    emergencies: [emergency()],
    request: { purpose: 'payment' },
    expect: denied('WRONG_PURPOSE'),
  },
  {
    when: 'the emergency was declared by another practitioner',
    emergencies: [emergency({ practitionerId: OTHER_DOCTOR })],
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'the emergency was declared from another organisation',
    emergencies: [emergency()],
    request: { reader: atProviderB },
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'the emergency is for another patient',
    emergencies: [emergency({ patientId: OTHER_PATIENT })],
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'the reader has no practitioner ID',
    emergencies: [emergency()],
    request: { reader: { mspId: Msp.ProviderA } },
    expect: denied('NO_CONSENT'),
  },
  {
    when: 'consent and emergency both allow, consent is the basis',
    consents: [consent()],
    emergencies: [emergency()],
    expect: byConsent(),
  },
  {
    when: 'the consent is out of scope but an emergency is running',
    consents: [consent({ scope: ['allergy'] })],
    emergencies: [emergency()],
    expect: byEmergency(),
  },
  {
    when: 'an expired emergency is followed by a running one',
    emergencies: [
      emergency({ grantedAt: '2026-03-01T09:00:00.000Z', expiresAt: '2026-03-01T10:00:00.000Z' }),
      emergency({ accessId: 'e2' }),
    ],
    expect: byEmergency('e2'),
  },
  {
    when: 'the consent was revoked and the emergency has expired',
    consents: [revoked],
    emergencies: [emergency()],
    request: { at: '2026-03-01T13:00:00.000Z' },
    expect: denied('EXPIRED'),
  },
];

describe('decideAccess', () => {
  const tables: [string, Row[]][] = [
    ['who the grant covers', readers],
    ['scope and purpose', scopeAndPurpose],
    ['the validity window', windows],
    ['revocation and several grants', statusAndSeveral],
    ['emergency access', emergencies],
  ];
  for (const [topic, rows] of tables) {
    describe(topic, () => {
      for (const row of rows) {
        const outcome = row.expect.allowed
          ? `allows (${row.expect.basis})`
          : `refuses ${row.expect.reason}`;
        it(`${outcome} when ${row.when}`, () => {
          const decision = decideAccess(
            row.consents ?? [],
            row.emergencies ?? [],
            request(row.request),
          );
          assert.deepEqual(decision, row.expect);
        });
      }
    });
  }

  it('refuses to decide on a request time that is not an instant, rather than allow', () => {
    assert.throws(() => decideAccess([consent()], [], request({ at: 'yesterday' })), {
      message: /^INVALID_ARGUMENT: request\.at/,
    });
  });
});
