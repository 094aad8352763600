/** Roles carried as the `role` attribute of Fabric CA certificates. */

export const Role = {
  Patient: 'patient',
  Physician: 'physician',
  Nurse: 'nurse',
  Registrar: 'registrar',
  Adjudicator: 'adjudicator',
  Intake: 'intake',
  CredentialingOfficer: 'credentialing-officer',
  Admin: 'admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Certificate attribute names. */
export const Attr = {
  Role: 'role',
  PatientId: 'patientId',
  PractitionerId: 'practitionerId',
} as const;
