/**
 * What the drills wrote and had acknowledged, kept for the last drill, which stops and starts
 * the whole network and then checks that all of it is still there and readable.
 */
import type { demographicsOf, observation } from '../../e2e/security/support/leaks';

export interface PrivatePatient {
  readonly patientId: string;
  readonly demographics: ReturnType<typeof demographicsOf>;
  readonly salt: string;
}

export interface WrittenRecord {
  readonly recordId: string;
  readonly version: number;
  readonly hash: string;
  readonly resource: ReturnType<typeof observation>;
}

export const written = {
  /** Pseudonyms registered over HTTPS and acknowledged. */
  publicPatients: [] as string[],
  /** Patients whose demographics and salt the drills know (written through the SDK). */
  privatePatients: [] as PrivatePatient[],
  /** Records of the consenting patient, filed through the SDK. */
  records: [] as WrittenRecord[],
  /** The patient the records belong to, and the MSP folder of a user acting as them. */
  consenting: undefined as { readonly patientId: string; readonly mspDir: string } | undefined,
};
