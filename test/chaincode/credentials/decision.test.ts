/**
 * The credential decision table: another organisation before wrong type before status before
 * window, both window ends inclusive.
 */
import assert from 'node:assert/strict';
import {
  type CredentialVerdict,
  decideCredential,
  practitionerVerdict,
} from '../../../chaincode/src/credentials/decision';
import {
  type Credential,
  LICENCE_TYPES,
  type LicenceType,
} from '../../../chaincode/src/credentials/state';
import { Msp } from '../../../chaincode/src/shared/names';
import { credential } from './fixtures';

const P: LicenceType[] = ['physician'];
/** The fixtures' licences name ProviderA; a practitioner of ProviderB acts under the same ID. */
const HERE = Msp.ProviderA;
const ELSEWHERE = Msp.ProviderB;
/** Valid through 2026, both ends inclusive. */
const in2026 = (overrides: Partial<Credential> = {}): Credential =>
  credential({ validFrom: '2026-01-01', validTo: '2026-12-31', ...overrides });
const suspended = { status: 'suspended', statusReason: 'PENDING_INVESTIGATION' } as const;
const revoked = { status: 'revoked', statusReason: 'DISCIPLINARY_ACTION' } as const;

interface Row {
  readonly when: string;
  readonly credential: Credential | undefined;
  readonly types: readonly LicenceType[];
  /** Where the practitioner acts; HERE unless told. */
  readonly at?: string;
  readonly date: string;
  readonly reason: CredentialVerdict['reason'];
}

// A table reads best one row per line.
// prettier-ignore
const rows: Row[] = [
  { when: 'there is no credential', credential: undefined, types: P, date: '2026-06-01', reason: 'UNKNOWN' },
  { when: 'there is no credential and no type fits', credential: undefined, types: [], date: '2026-06-01', reason: 'UNKNOWN' },
  { when: 'an active licence of the type is inside its window', credential: in2026(), types: P, date: '2026-06-01', reason: 'VALID' },
  { when: 'the date is validFrom (inclusive)', credential: in2026(), types: P, date: '2026-01-01', reason: 'VALID' },
  { when: 'the date is validTo (inclusive)', credential: in2026(), types: P, date: '2026-12-31', reason: 'VALID' },
  { when: 'the date is the day after validTo', credential: in2026(), types: P, date: '2027-01-01', reason: 'EXPIRED' },
  { when: 'the date is the day before validFrom', credential: in2026(), types: P, date: '2025-12-31', reason: 'NOT_YET_VALID' },
  { when: 'the date is years after the window', credential: in2026(), types: P, date: '2030-06-01', reason: 'EXPIRED' },
  { when: 'the date is years before the window', credential: in2026(), types: P, date: '2020-06-01', reason: 'NOT_YET_VALID' },
  { when: 'a one-day window is asked about its day', credential: in2026({ validFrom: '2026-03-01', validTo: '2026-03-01' }), types: P, date: '2026-03-01', reason: 'VALID' },
  { when: 'a one-day window is asked about the day before', credential: in2026({ validFrom: '2026-03-01', validTo: '2026-03-01' }), types: P, date: '2026-02-28', reason: 'NOT_YET_VALID' },
  { when: 'a one-day window is asked about the day after', credential: in2026({ validFrom: '2026-03-01', validTo: '2026-03-01' }), types: P, date: '2026-03-02', reason: 'EXPIRED' },
  { when: 'a window ends on a leap day, asked that day', credential: in2026({ validTo: '2028-02-29' }), types: P, date: '2028-02-29', reason: 'VALID' },
  { when: 'a window ends on a leap day, asked the next day', credential: in2026({ validTo: '2028-02-29' }), types: P, date: '2028-03-01', reason: 'EXPIRED' },
  { when: 'a window ends at the end of February, asked on 1 March', credential: in2026({ validTo: '2026-02-28' }), types: P, date: '2026-03-01', reason: 'EXPIRED' },
  { when: 'the licence is of another type', credential: in2026({ licenceType: 'nurse' }), types: P, date: '2026-06-01', reason: 'WRONG_TYPE' },
  { when: 'the licence is one of several types asked for', credential: in2026({ licenceType: 'nurse' }), types: ['physician', 'nurse'], date: '2026-06-01', reason: 'VALID' },
  { when: 'a physician-assistant licence is asked to act as physician', credential: in2026({ licenceType: 'physician-assistant' }), types: P, date: '2026-06-01', reason: 'WRONG_TYPE' },
  { when: 'no type is asked for', credential: in2026(), types: [], date: '2026-06-01', reason: 'WRONG_TYPE' },
  { when: 'the licence is suspended inside its window', credential: in2026(suspended), types: P, date: '2026-06-01', reason: 'SUSPENDED' },
  { when: 'the licence is suspended and the date is after the window', credential: in2026(suspended), types: P, date: '2027-01-01', reason: 'SUSPENDED' },
  { when: 'the licence is suspended and the date is before the window', credential: in2026(suspended), types: P, date: '2025-12-31', reason: 'SUSPENDED' },
  { when: 'the licence is revoked inside its window', credential: in2026(revoked), types: P, date: '2026-06-01', reason: 'REVOKED' },
  { when: 'the licence is revoked and the date is after the window', credential: in2026(revoked), types: P, date: '2027-01-01', reason: 'REVOKED' },
  { when: 'the licence is revoked and the date is before the window', credential: in2026(revoked), types: P, date: '2025-12-31', reason: 'REVOKED' },
  { when: 'a revoked licence is of another type', credential: in2026({ ...revoked, licenceType: 'dentist' }), types: P, date: '2026-06-01', reason: 'WRONG_TYPE' },
  { when: 'a suspended licence is of another type', credential: in2026({ ...suspended, licenceType: 'midwife' }), types: P, date: '2026-06-01', reason: 'WRONG_TYPE' },
  { when: 'the licence is held at another organisation', credential: in2026(), types: P, at: ELSEWHERE, date: '2026-06-01', reason: 'OTHER_ORGANISATION' },
  { when: 'the licence names the organisation where the practitioner acts', credential: in2026({ organisation: ELSEWHERE }), types: P, at: ELSEWHERE, date: '2026-06-01', reason: 'VALID' },
  { when: 'a licence of another type is held at another organisation', credential: in2026({ licenceType: 'nurse' }), types: P, at: ELSEWHERE, date: '2026-06-01', reason: 'OTHER_ORGANISATION' },
  { when: 'a revoked licence is held at another organisation', credential: in2026(revoked), types: P, at: ELSEWHERE, date: '2026-06-01', reason: 'OTHER_ORGANISATION' },
  { when: 'an expired licence is held at another organisation', credential: in2026(), types: P, at: ELSEWHERE, date: '2027-01-01', reason: 'OTHER_ORGANISATION' },
  { when: 'the organisation differs only in case', credential: in2026(), types: P, at: 'provideramsp', date: '2026-06-01', reason: 'OTHER_ORGANISATION' },
  { when: 'a reinstated licence is inside its window', credential: in2026({ lastAction: 'reinstated' }), types: P, date: '2026-06-01', reason: 'VALID' },
  { when: 'the date asked is before a suspension was recorded (state, not history, decides)', credential: in2026({ ...suspended, updatedAt: '2026-09-01T00:00:00.000Z' }), types: P, date: '2026-02-01', reason: 'SUSPENDED' },
  ...LICENCE_TYPES.map(
    (type): Row => ({ when: `a ${type} licence is asked to act as ${type}`, credential: in2026({ licenceType: type }), types: [type], date: '2026-06-01', reason: 'VALID' }),
  ),
];

describe('decideCredential', () => {
  for (const row of rows) {
    it(`answers ${row.reason} when ${row.when}`, () => {
      const verdict = decideCredential(row.credential, {
        licenceTypes: row.types,
        organisation: row.at ?? HERE,
        date: row.date,
      });
      assert.deepEqual(verdict, { valid: row.reason === 'VALID', reason: row.reason });
    });
  }
});

describe('practitionerVerdict', () => {
  const valid = in2026();
  const expired = in2026({ licenceNumber: 'MD-1', validTo: '2026-03-31' });
  const notYet = in2026({ licenceNumber: 'MD-2', validFrom: '2026-09-01' });
  const susp = in2026({ licenceNumber: 'MD-3', ...suspended });
  const rev = in2026({ licenceNumber: 'MD-4', ...revoked });
  const nurse = in2026({ licenceNumber: 'RN-1', licenceType: 'nurse' });
  const revokedNurse = in2026({ licenceNumber: 'RN-2', licenceType: 'nurse', ...revoked });
  const elsewhere = in2026({ licenceNumber: 'MD-5', organisation: ELSEWHERE });
  const june = { licenceTypes: P, organisation: HERE, date: '2026-06-01' };

  // prettier-ignore
  const cases: { when: string; credentials: Credential[]; reason: CredentialVerdict['reason'] }[] = [
    { when: 'the practitioner has no credentials', credentials: [], reason: 'UNKNOWN' },
    { when: 'one licence is valid', credentials: [valid], reason: 'VALID' },
    { when: 'an expired licence sits beside a valid one', credentials: [expired, valid], reason: 'VALID' },
    { when: 'a revoked licence sits beside a valid one', credentials: [rev, valid], reason: 'VALID' },
    { when: 'only a licence that has not started yet exists', credentials: [notYet], reason: 'NOT_YET_VALID' },
    { when: 'one licence has expired and the next has not started', credentials: [notYet, expired], reason: 'EXPIRED' },
    { when: 'one licence has expired and another is suspended', credentials: [expired, susp], reason: 'SUSPENDED' },
    { when: 'expired, revoked and suspended licences exist', credentials: [expired, rev, susp], reason: 'REVOKED' },
    { when: 'only a licence of another type exists', credentials: [nurse], reason: 'WRONG_TYPE' },
    { when: 'a revoked licence of another type sits beside an expired fitting one', credentials: [revokedNurse, expired], reason: 'EXPIRED' },
    { when: 'a valid licence of another type sits beside a suspended fitting one', credentials: [nurse, susp], reason: 'SUSPENDED' },
    { when: 'only a valid licence at another organisation exists', credentials: [elsewhere], reason: 'OTHER_ORGANISATION' },
    { when: 'a valid licence at another organisation sits beside one of another type here', credentials: [elsewhere, nurse], reason: 'WRONG_TYPE' },
    { when: 'a valid licence at another organisation sits beside an expired one here', credentials: [elsewhere, expired], reason: 'EXPIRED' },
  ];

  for (const c of cases) {
    it(`answers ${c.reason} when ${c.when}`, () => {
      assert.equal(practitionerVerdict(c.credentials, june).reason, c.reason);
      assert.equal(practitionerVerdict([...c.credentials].reverse(), june).reason, c.reason);
    });
  }

  it('is valid for a nurse acting as nurse or physician even though the physician licence is revoked', () => {
    const verdict = practitionerVerdict([rev, nurse], {
      licenceTypes: ['physician', 'nurse'],
      organisation: HERE,
      date: '2026-06-01',
    });
    assert.deepEqual(verdict, { valid: true, reason: 'VALID' });
  });

  it('is valid at the organisation each licence names, whichever is asked', () => {
    const both = [valid, elsewhere];
    assert.equal(practitionerVerdict(both, { ...june, organisation: HERE }).reason, 'VALID');
    assert.equal(practitionerVerdict(both, { ...june, organisation: ELSEWHERE }).reason, 'VALID');
    assert.equal(
      practitionerVerdict(both, { ...june, organisation: Msp.Insurer }).reason,
      'OTHER_ORGANISATION',
    );
  });
});
