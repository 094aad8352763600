/**
 * POST /admin/users: an organisation admin registers a user at the organisation's CA with the
 * attributes the chaincode checks (role, patientId, practitionerId).
 */
import type { CaClient } from '../ca/ca-client';
import { NewUserBody } from '../auth/schemas';
import { created, defineRoute, NoParams, NoQuery, type Route } from '../http/route';

export function adminRoutes(ca: Pick<CaClient, 'register'>): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/admin/users',
      tag: 'admin',
      summary: "Register a user at the organisation's CA (organisation admin)",
      access: 'admin',
      body: NewUserBody,
      query: NoQuery,
      params: NoParams,
      success: { status: 201, description: '{enrollmentId, password, attributes}' },
      errors: [400, 403, 409, 503],
      handle: async ({ body }) => {
        const attributes: Record<string, string> = { role: body.role };
        if (body.patientId !== undefined) attributes.patientId = body.patientId;
        if (body.practitionerId !== undefined) attributes.practitionerId = body.practitionerId;
        const password = await ca.register({
          id: body.enrollmentId,
          secret: body.password,
          attributes,
        });
        return created({ enrollmentId: body.enrollmentId, password, attributes });
      },
    }),
  ];
}
