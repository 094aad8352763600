/** The person behind a request, as the gateway's token and their certificate say. */

export interface AuthUser {
  /** Enrolment ID at the organisation's CA. */
  readonly id: string;
  readonly mspId: string;
  /** The certificate's role attribute: patient, physician, registrar, admin, ... */
  readonly role: string;
  readonly patientId?: string;
  readonly practitionerId?: string;
}

/** The organisation's admins (role attribute admin) manage users. */
export const ADMIN_ROLE = 'admin';
