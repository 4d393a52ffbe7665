import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { addAddress, deleteAddress, listAddresses, updateAddress } from '../app/address-book.ts';
import { changePassword } from '../app/change-password.ts';
import type { IdentityContext } from '../app/context.ts';
import { listRoleChanges } from '../app/list-role-changes.ts';
import { updateProfile } from '../app/update-profile.ts';
import { toUserView } from '../domain/user.ts';
import {
  AddressBody,
  AddressList,
  AddressPatchBody,
  AddressSchema,
  AuditQuery,
  PasswordBody,
  ProfilePatchBody,
  RoleChangeSchema,
} from './account-schemas.ts';

const tags = ['identity'];
const IdParams = Type.Object({ id: Uuid });

/** The signed-in user's own account (profile, password, address book) and the admin's audit log. */
export function accountRoutes(app: HttpApp, ctx: IdentityContext) {
  const { auth } = ctx.deps;
  app.addSchema(AddressSchema);
  app.addSchema(RoleChangeSchema);

  app.patch(
    '/api/v1/me',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Change my name or phone',
        description: 'Any signed-in user: changes their own name and phone (`null` clears it). E-mail and roles are not changed here.',
        ...bearer,
        body: ProfilePatchBody,
        response: { 200: Type.Ref('User'), ...problems(400, 401, 404) },
      },
    },
    async (req) => toUserView(await updateProfile(ctx, userOf(req).id, req.body)),
  );

  app.post(
    '/api/v1/me/password',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Change my password',
        description:
          'Any signed-in user, with the current password (wrong → 400 naming `currentPassword`). Every login of the account is signed out; sign in again with the new password. Answers 204.',
        ...bearer,
        body: PasswordBody,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      await changePassword(ctx, userOf(req).id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/addresses',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'My address book',
        description: 'Any signed-in user: their saved shipping addresses, the default first. Checkout offers them.',
        ...bearer,
        response: { 200: AddressList, ...problems(401) },
      },
    },
    async (req) => ({ items: await listAddresses(ctx, userOf(req).id) }),
  );

  app.post(
    '/api/v1/me/addresses',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Save an address',
        description:
          'Any signed-in user. The first address, or one sent with `isDefault: true`, becomes the default. At most 20 addresses (409 `identity.address_book_full`).',
        ...bearer,
        body: AddressBody,
        response: { 201: Type.Ref('Address'), ...problems(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await addAddress(ctx, userOf(req).id, req.body)),
  );

  app.patch(
    '/api/v1/me/addresses/:id',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Change a saved address',
        description: "Any signed-in user, their own address only (another's → 404). `isDefault: true` makes it the default.",
        ...bearer,
        params: IdParams,
        body: AddressPatchBody,
        response: { 200: Type.Ref('Address'), ...problems(400, 401, 404) },
      },
    },
    async (req) => updateAddress(ctx, userOf(req).id, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/me/addresses/:id',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Delete a saved address',
        description:
          "Any signed-in user, their own address only (another's → 404). When the default goes, the oldest remaining address becomes the default. Answers 204.",
        ...bearer,
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      await deleteAddress(ctx, userOf(req).id, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/audit-log',
    {
      preHandler: auth.roles('admin'),
      schema: {
        tags,
        summary: 'The audit log of role changes',
        description:
          "Admin. Every change of a user's roles, newest first: whom, by whom, the roles before and after. Filter by `userId`; paged with `limit` and `cursor`.",
        ...bearer,
        querystring: Type.Object({ ...AuditQuery.properties, ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref('RoleChange')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listRoleChanges(ctx, req.query),
  );
}
