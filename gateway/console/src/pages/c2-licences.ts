/**
 * Licences as the gateway answers them (verification, history, a practitioner's licences) and
 * the views of them the board and verification pages share. Credentials are public facts
 * about practitioners, not PHI. A licence names the organisation where the practitioner
 * practises; it is verified for a practitioner acting at one organisation.
 */
import type { Api } from '../contract.js';
import { reasonLabel } from '../reason-codes.js';
import { h } from '../ui.js';
import { badge, facts, table, when } from '../widgets.js';
import { array, bool, decode, object, optional, str } from './c2-decode.js';

export const Credential = object({
  licenceNumber: str,
  practitionerId: str,
  licenceType: str,
  organisation: str,
  specialty: str,
  jurisdiction: str,
  validFrom: str,
  validTo: str,
  issuingBoard: str,
  status: str,
  updatedAt: str,
  lastAction: str,
  lastReason: optional(str),
});
export type Credential = ReturnType<typeof Credential>;

const Verification = object({
  licenceNumber: str,
  organisation: str,
  date: str,
  valid: bool,
  reason: str,
  credential: optional(Credential),
});

const HistoryStep = object({
  timestamp: str,
  action: str,
  actorMsp: str,
  reason: optional(str),
  status: str,
  validFrom: str,
  validTo: str,
});
type HistoryStep = ReturnType<typeof HistoryStep>;

export const LICENCE_TYPES = [
  'physician',
  'nurse',
  'pharmacist',
  'physician-assistant',
  'midwife',
  'dentist',
] as const;

const path = (licenceNumber: string) => `/credentials/${encodeURIComponent(licenceNumber)}`;

export function credentialFacts(c: Credential): HTMLElement {
  return facts([
    ['Licence', c.licenceNumber],
    ['Status', badge(c.status)],
    ['Practitioner', c.practitionerId],
    ['Type', c.licenceType],
    ['Organisation', c.organisation],
    ['Specialty', c.specialty],
    ['Jurisdiction', c.jurisdiction],
    ['Valid', `${when(c.validFrom)} to ${when(c.validTo)}`],
    ['Issued by', c.issuingBoard],
    ['Last change', `${c.lastAction}, ${when(c.updatedAt)}`],
    ['Reason', c.lastReason === undefined ? undefined : reasonLabel(c.lastReason)],
  ]);
}

/** "Valid on <day> at <organisation>" or "Not valid on <day> at <organisation>: suspended",
 * then the licence as it stands. */
export async function verificationView(
  api: Api,
  licenceNumber: string,
  organisation: string,
  date?: string,
): Promise<HTMLElement> {
  const answer = decode(
    Verification,
    await api.get(`${path(licenceNumber)}/verification`, { organisation, date }),
  );
  const where = `on ${when(answer.date)} at ${answer.organisation}`;
  const verdict = answer.valid
    ? `Valid ${where}`
    : `Not valid ${where}: ${answer.reason.toLowerCase().replace(/_/g, ' ')}`;
  return h(
    'div',
    { class: 'verification' },
    h('p', { class: 'verdict', role: 'status' }, h('strong', {}, verdict)),
    answer.credential === undefined
      ? h('p', {}, `No licence ${answer.licenceNumber} is on the ledger.`)
      : credentialFacts(answer.credential),
  );
}

export async function historyView(api: Api, licenceNumber: string): Promise<HTMLElement> {
  const steps = decode(array(HistoryStep), await api.get(`${path(licenceNumber)}/history`));
  return table(
    `History of licence ${licenceNumber}, oldest first`,
    [
      { header: 'When', cell: (s: HistoryStep) => when(s.timestamp) },
      { header: 'Action', cell: (s) => s.action },
      { header: 'Status', cell: (s) => badge(s.status) },
      { header: 'Reason', cell: (s) => (s.reason === undefined ? '—' : reasonLabel(s.reason)) },
      { header: 'By', cell: (s) => s.actorMsp },
      { header: 'Valid', cell: (s) => `${when(s.validFrom)} to ${when(s.validTo)}` },
    ],
    steps,
  );
}

export async function practitionerView(api: Api, practitionerId: string): Promise<HTMLElement> {
  const url = `/practitioners/${encodeURIComponent(practitionerId)}/credentials`;
  const list = decode(array(Credential), await api.get(url));
  return table(
    `Licences of ${practitionerId}`,
    [
      { header: 'Licence', cell: (c: Credential) => c.licenceNumber },
      { header: 'Type', cell: (c) => c.licenceType },
      { header: 'Organisation', cell: (c) => c.organisation },
      { header: 'Status', cell: (c) => badge(c.status) },
      { header: 'Valid', cell: (c) => `${when(c.validFrom)} to ${when(c.validTo)}` },
    ],
    list,
    `No licence of ${practitionerId} is on the ledger.`,
  );
}
