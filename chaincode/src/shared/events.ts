/** Names of chaincode events. Payloads carry IDs and statuses only, never PHI. */

export const EventName = {
  PatientRegistered: 'PatientRegistered',
  RecordAdded: 'RecordAdded',
  RecordAccessed: 'RecordAccessed',
  PatientErased: 'PatientErased',
  ConsentGranted: 'ConsentGranted',
  ConsentRevoked: 'ConsentRevoked',
  EmergencyAccess: 'EmergencyAccess',
  CredentialIssued: 'CredentialIssued',
  CredentialRenewed: 'CredentialRenewed',
  CredentialSuspended: 'CredentialSuspended',
  CredentialReinstated: 'CredentialReinstated',
  CredentialRevoked: 'CredentialRevoked',
  PlanPublished: 'PlanPublished',
  MemberEnrolled: 'MemberEnrolled',
  PriorAuthRecorded: 'PriorAuthRecorded',
  ClaimSubmitted: 'ClaimSubmitted',
  ClaimAdjudicated: 'ClaimAdjudicated',
  ClaimPended: 'ClaimPended',
  ClaimAppealed: 'ClaimAppealed',
  ClaimPaid: 'ClaimPaid',
} as const;

export type EventName = (typeof EventName)[keyof typeof EventName];

/** In an event's `audience`: every organisation of the channel (a licence is a public fact). */
export const EVERY_ORGANISATION = '*';
