/**
 * Why a physician breaks the glass, as a code: the reason is public (every member's ledger,
 * the patient's event), so free text there could carry PHI. The list follows the grounds on
 * which emergency treatment proceeds without consent; anything more goes in a private note
 * (shared/private-note.ts). The gateway and the console keep copies, held equal by
 * test/gateway/vocabulary.test.ts.
 */
import { z } from 'zod';

export const EMERGENCY_REASONS = [
  /** Unconscious or unresponsive: cannot consent. */
  'UNCONSCIOUS_PATIENT',
  /** A life- or limb-threatening condition that cannot wait. */
  'LIFE_THREATENING',
  /** Conscious but without capacity to consent (confused, sedated, intoxicated). */
  'LACKS_CAPACITY',
  /** Cannot communicate, and no proxy or representative can be reached. */
  'UNABLE_TO_COMMUNICATE',
  /** Treatment is due now and the history is needed for it to be safe. */
  'TIME_CRITICAL_TREATMENT',
  /** Another emergency; the note says what. */
  'OTHER_EMERGENCY',
] as const;

export type EmergencyReason = (typeof EMERGENCY_REASONS)[number];

export const EmergencyReasonSchema = z.enum(EMERGENCY_REASONS, {
  error: `must be one of ${EMERGENCY_REASONS.join(', ')}`,
});
