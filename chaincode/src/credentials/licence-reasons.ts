/**
 * Why a board suspends or revokes a licence, as a code: a licence and its history are public
 * facts every member reads, so free text there could carry PHI (a patient named in a
 * complaint). The list follows the bases for licensure actions boards report (as in the US
 * National Practitioner Data Bank); the details go in a note kept privately with the board
 * (shared/private-note.ts). The gateway and the console keep copies, held equal by
 * test/gateway/vocabulary.test.ts.
 */
import { z } from 'zod';

export const LICENCE_REASONS = [
  /** A board's disciplinary decision (unprofessional conduct, standard-of-care findings). */
  'DISCIPLINARY_ACTION',
  /** Under investigation; the licence is held while it runs. */
  'PENDING_INVESTIGATION',
  /** An immediate risk to patients. */
  'PATIENT_SAFETY_RISK',
  /** Impairment: health, substance use. */
  'IMPAIRMENT',
  /** A criminal conviction relevant to practice. */
  'CRIMINAL_CONVICTION',
  /** Professional liability insurance lapsed. */
  'LAPSED_INSURANCE',
  /** Continuing education or revalidation not completed. */
  'CONTINUING_EDUCATION_NOT_MET',
  /** Registration fees unpaid. */
  'FEES_UNPAID',
  /** The licence was obtained with false or fraudulent credentials. */
  'FRAUDULENT_CREDENTIALS',
  /** The practitioner surrendered the licence. */
  'VOLUNTARY_SURRENDER',
  /** The practitioner died. */
  'DECEASED',
  /** Another basis; the note says what. */
  'OTHER',
] as const;

export type LicenceReason = (typeof LICENCE_REASONS)[number];

export const LicenceReasonSchema = z.enum(LICENCE_REASONS, {
  error: `must be one of ${LICENCE_REASONS.join(', ')}`,
});
