import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { IdentityContext } from '../app/context.ts';
import { listStaff, WORK_ROLES } from '../app/list-staff.ts';

const WorkRole = Type.Union(WORK_ROLES.map((r) => Type.Literal(r)));

const StaffMemberSchema = Type.Object(
  { id: Uuid, name: Type.String(), roles: Type.Array(WorkRole) },
  { $id: 'StaffMember', examples: [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Пётр Сборщиков', roles: ['picker'] }] },
);

/** The staff directory: whom operators can give picking and delivery work to. */
export function staffRoutes(app: HttpApp, ctx: IdentityContext) {
  app.addSchema(StaffMemberSchema);
  app.get(
    '/api/v1/staff',
    {
      preHandler: ctx.deps.auth.roles('operator', 'controller', 'manager', 'admin'),
      schema: {
        tags: ['identity'],
        summary: 'Pickers and couriers, by name and role',
        description:
          'Operator, controller, manager or admin. The people work can be assigned to, optionally of one `role`; names and work roles only, never e-mails, phones or customer data.',
        ...bearer,
        querystring: Type.Object({ role: Type.Optional(WorkRole), ...PageQuery }),
        response: { 200: Page(Type.Ref('StaffMember')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listStaff(ctx, req.query),
  );
}
