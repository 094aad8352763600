/**
 * A patient's pseudonym, made by the chaincode (data rule 4). A registrar who chose it could
 * write the person into it (`pat-adalovelace18151210`), and a pseudonym derived from the
 * demographics could be recomputed by anyone holding them. The transaction ID is neither: it
 * hashes a fresh random nonce of the proposal with its creator, every endorsing peer sees the
 * same one (deterministic), and nothing about the person goes into it. Hashed with a domain
 * tag so the pseudonym is not the registration's transaction ID verbatim, and cut to 128 bits,
 * in the `pat-` form every validator accepts (state.ts, PatientIdSchema).
 */
import { sha256Hex } from '../shared/hash';

/** Hex digits of the pseudonym after "pat-": 128 bits. */
const PSEUDONYM_HEX_DIGITS = 32;

/** The pseudonym of the patient registered by transaction TXID. */
export function pseudonymFor(txId: string): string {
  return `pat-${sha256Hex(`patient-pseudonym:${txId}`).slice(0, PSEUDONYM_HEX_DIGITS)}`;
}
