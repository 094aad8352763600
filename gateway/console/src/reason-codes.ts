/**
 * The public reason codes a person picks in the console, with the words shown for them: why
 * the glass is broken, why a licence is suspended or revoked. The codes are the chaincode's
 * (chaincode/src/consent/emergency-reasons.ts, credentials/licence-reasons.ts), held equal by
 * test/gateway/vocabulary.test.ts; anything more is a private note.
 */

export const EMERGENCY_REASON_LABELS: readonly (readonly [string, string])[] = [
  ['UNCONSCIOUS_PATIENT', 'Unconscious or unresponsive patient'],
  ['LIFE_THREATENING', 'Life- or limb-threatening condition'],
  ['LACKS_CAPACITY', 'Patient lacks capacity to consent'],
  ['UNABLE_TO_COMMUNICATE', 'Patient cannot communicate, no representative reachable'],
  ['TIME_CRITICAL_TREATMENT', 'Time-critical treatment needs the history'],
  ['OTHER_EMERGENCY', 'Other emergency (say what in the note)'],
];

export const LICENCE_REASON_LABELS: readonly (readonly [string, string])[] = [
  ['DISCIPLINARY_ACTION', 'Disciplinary action'],
  ['PENDING_INVESTIGATION', 'Pending investigation'],
  ['PATIENT_SAFETY_RISK', 'Risk to patient safety'],
  ['IMPAIRMENT', 'Impairment'],
  ['CRIMINAL_CONVICTION', 'Criminal conviction'],
  ['LAPSED_INSURANCE', 'Liability insurance lapsed'],
  ['CONTINUING_EDUCATION_NOT_MET', 'Continuing education not met'],
  ['FEES_UNPAID', 'Fees unpaid'],
  ['FRAUDULENT_CREDENTIALS', 'Fraudulent credentials'],
  ['VOLUNTARY_SURRENDER', 'Voluntary surrender'],
  ['DECEASED', 'Deceased'],
  ['OTHER', 'Other (say what in the note)'],
];

/** The words for CODE, or the code itself when the console does not know it. */
export function reasonLabel(code: string): string {
  const all = [...EMERGENCY_REASON_LABELS, ...LICENCE_REASON_LABELS];
  return all.find(([c]) => c === code)?.[1] ?? code;
}
