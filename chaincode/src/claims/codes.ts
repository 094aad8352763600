/** Shapes of medical codes: service codes (CPT/HCPCS-like) and diagnosis codes (ICD-like). */
import { z } from 'zod';

export const ServiceCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$/, 'must be a service code (letters, digits, . -)');

export const DiagnosisCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.]{0,9}$/, 'must be a diagnosis code (letters, digits, .)');
