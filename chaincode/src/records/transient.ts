/** The salt every PHI-carrying transaction takes from the transient map. */
import type { Ledger } from '../shared/ledger';
import { Transient } from '../shared/names';
import { parse } from '../shared/schema';
import { SaltSchema } from './state';

export function transientSalt(ledger: Ledger): string {
  return parse(SaltSchema, ledger.transientText(Transient.Salt), `transient.${Transient.Salt}`);
}
