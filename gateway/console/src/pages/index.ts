/**
 * Every page of the console, in navigation order; the shell shows those whose roles include
 * the user's. One import and one spread per area, so areas can be added without conflicts.
 */
import type { ConsolePage } from '../contract.js';
import { pages as patient } from './patient.js';
import { pages as provider } from './provider.js';
import { pages as insurer } from './insurer.js';
import { pages as board } from './board.js';
import { pages as verify } from './verify.js';
import { pages as c3PriorAuth } from './c3-prior-auth.js';

export const pages: readonly ConsolePage[] = [
  ...patient,
  ...provider,
  ...insurer,
  ...c3PriorAuth,
  ...board,
  ...verify,
];
