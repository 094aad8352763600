/** The patient's pages: their records, consents, who accessed their data, and erasure. Reading
 * one record is provider.ts's read-record page, whose roles include the patient. */
import type { ConsolePage } from '../contract.js';
import { requestErasurePage } from './erasure.js';
import { accessLogPage } from './patient-access.js';
import { myConsentsPage } from './patient-consents.js';
import { myRecordsPage } from './records-list.js';

export const pages: readonly ConsolePage[] = [
  myRecordsPage,
  myConsentsPage,
  accessLogPage,
  requestErasurePage,
];
