/** Request schemas of the authentication and user administration routes. */
import { z } from 'zod';
import { Id, PatientId } from '../http/common-schemas';

export const EnrollmentId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'may contain only letters, digits, . _ @ -');

export const LoginBody = z.strictObject({
  enrollmentId: EnrollmentId,
  password: z.string().min(1, 'must not be empty').max(256, 'is too long'),
});

/** Roles a gateway admin may give; organisation admins are made with the CA's own tools. */
export const UserRole = z.enum([
  'patient',
  'physician',
  'nurse',
  'registrar',
  'adjudicator',
  'intake',
  'credentialing-officer',
]);

export const NewUserBody = z
  .strictObject({
    enrollmentId: EnrollmentId,
    password: z
      .string()
      .min(12, 'must be at least 12 characters')
      .max(256, 'is too long')
      .optional()
      .describe('Chosen by the CA when absent, and returned once'),
    role: UserRole,
    patientId: PatientId.optional().describe('Required for role patient'),
    practitionerId: Id.optional().describe('Required for roles physician and nurse'),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'patient' && u.patientId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['patientId'], message: 'is required for a patient' });
    }
    if ((u.role === 'physician' || u.role === 'nurse') && u.practitionerId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['practitionerId'],
        message: `is required for a ${u.role}`,
      });
    }
  });

export type NewUser = z.output<typeof NewUserBody>;
