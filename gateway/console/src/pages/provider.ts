/** The provider's pages (physician, nurse, registrar), in the order of a working day. */
import type { ConsolePage } from '../contract.js';
import { addRecordPage } from './add-record.js';
import { claimsPage } from './claims.js';
import { emergencyPage } from './emergency.js';
import { erasePatientPage } from './erasure.js';
import { findPatientPage, registerPatientPage } from './provider-patients.js';
import { readRecordPage } from './read-record.js';

export const pages: readonly ConsolePage[] = [
  findPatientPage,
  registerPatientPage,
  addRecordPage,
  // Also the patient's page for reading one of their records (its roles include patient).
  readRecordPage,
  emergencyPage,
  claimsPage,
  erasePatientPage,
];
