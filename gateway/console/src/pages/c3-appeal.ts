/**
 * The provider's appeal of a claim: shown under an opened claim whose status allows one
 * (denied or partially-approved: the chaincode's appeal rule, claims/status.ts), once. The
 * reason is a public code from the chaincode's closed list; the optional note is free text
 * (PHI-capable) and goes in the request body only, which the gateway puts in the transient map.
 */
import type { PageContext } from '../contract.js';
import { field, form, h } from '../ui.js';
import { badge, optional, section, text } from '../widgets.js';
import { committedNotice, committedOf, path, str } from './common.js';

/** Statuses the chaincode lets a provider appeal from (TRANSITIONS.appeal.from). */
export const APPEALABLE: readonly string[] = ['denied', 'partially-approved'];

/** The chaincode's AppealReason codes (claims/reasons.ts), with what each means. */
const REASONS: readonly (readonly [string, string])[] = [
  ['', 'Choose a reason'],
  ['MEDICAL_NECESSITY', 'Medical necessity'],
  ['PRIOR_AUTH_OBTAINED', 'Prior authorisation obtained'],
  ['ELIGIBILITY_CORRECTED', 'Eligibility corrected'],
  ['CREDENTIAL_VERIFIED', 'Credential verified'],
  ['CONSENT_OBTAINED', 'Consent obtained'],
  ['TIMELY_FILING_PROOF', 'Proof of timely filing'],
  ['NOT_A_DUPLICATE', 'Not a duplicate'],
  ['COVERAGE_DISPUTE', 'Coverage dispute'],
  ['OTHER', 'Other'],
];

/** Every status badge of CLAIMID on the page shows STATUS (the list and the detail). */
function showStatus(claimId: string, status: string): void {
  for (const node of document.querySelectorAll<HTMLElement>('.claim-status')) {
    if (node.dataset.claim === claimId) node.replaceChildren(badge(status));
  }
}

/** The "Appeal" section for CLAIMID in STATUS, or null when the status allows no appeal. */
export function appealSection(
  ctx: PageContext,
  claimId: string,
  status: string,
): HTMLElement | null {
  if (!APPEALABLE.includes(status)) return null;
  const result = h('div');
  const appeal = form({
    label: `Appeal claim ${claimId}`,
    submit: 'Appeal claim',
    fields: [
      field({ label: 'Appeal reason', name: 'reason', required: true, choices: REASONS }),
      field({
        label: 'Private note (optional)',
        name: 'note',
        rows: 3,
        hint: 'Seen only by your organisation and the insurer; never recorded in public.',
        attrs: { maxlength: '2000' },
      }),
    ],
    onSubmit: async (data) => {
      const answer = committedOf(
        await ctx.api.post(path`/claims/${claimId}/appeal`, {
          reason: text(data, 'reason'),
          note: optional(data, 'note'),
        }),
      );
      const now = str(answer.result.status) || 'appealed';
      showStatus(claimId, now);
      // Appealed once: the form goes, the notice stays.
      appeal.remove();
      result.replaceChildren(committedNotice(`Claim ${claimId} appealed: ${now}.`, answer));
    },
  });
  appeal.classList.add('appeal');
  return section(
    'Appeal',
    h('p', {}, 'A denial can be appealed once; the insurer then decides every denied line again.'),
    appeal,
    result,
  );
}
