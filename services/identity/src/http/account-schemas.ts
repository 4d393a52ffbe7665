import { NullableString, RoleName, Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

const Phone = Type.String({ pattern: '^\\+?[0-9 ()-]{5,20}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Optional = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

const addressFields = {
  label: Optional(60),
  recipient: Text(200),
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  city: Text(100),
  street: Text(200),
  house: Text(20),
  apartment: Optional(20),
  postalCode: Optional(20),
  isDefault: Type.Optional(Type.Boolean()),
};

const addressExample = {
  label: 'Home',
  recipient: 'Anna Petrova',
  phone: '+7 900 123-45-67',
  city: 'Moscow',
  street: 'Tverskaya',
  house: '7',
  apartment: '12',
  postalCode: '125009',
  isDefault: true,
};

export const AddressSchema = Type.Object(
  {
    id: Uuid,
    label: NullableString(),
    recipient: Type.String(),
    phone: NullableString(),
    city: Type.String(),
    street: Type.String(),
    house: Type.String(),
    apartment: NullableString(),
    postalCode: NullableString(),
    isDefault: Type.Boolean(),
    createdAt: Timestamp,
  },
  { $id: 'Address', examples: [{ id: '019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a05', ...addressExample, createdAt: '2026-12-03T14:05:00.000Z' }] },
);

export const AddressBody = Type.Object(addressFields, { additionalProperties: false, examples: [addressExample] });
export const AddressPatchBody = Type.Partial(Type.Object(addressFields), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ apartment: '14', isDefault: true }],
});
export const AddressList = Type.Object({ items: Type.Array(Type.Ref('Address')) });

export const ProfilePatchBody = Type.Object(
  { name: Type.Optional(Text(200)), phone: Type.Optional(Type.Union([Phone, Type.Null()])) },
  { additionalProperties: false, minProperties: 1, examples: [{ name: 'Anna Petrova', phone: '+7 900 123-45-67' }] },
);

export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 8, maxLength: 256 }) },
  { additionalProperties: false, examples: [{ currentPassword: 'demo12345', newPassword: 'correct-horse-battery' }] },
);

export const AuditQuery = Type.Object({ userId: Type.Optional(Uuid) });
export const RoleChangeSchema = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    userEmail: Type.String(),
    actorId: Type.Union([Uuid, Type.Null()]),
    actorEmail: NullableString(),
    before: Type.Array(RoleName),
    after: Type.Array(RoleName),
    changedAt: Timestamp,
  },
  {
    $id: 'RoleChange',
    examples: [
      {
        id: '019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a05',
        userId: '019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a06',
        userEmail: 'picker@demo.bazar',
        actorId: '019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a07',
        actorEmail: 'admin@bazar.local',
        before: ['customer'],
        after: ['customer', 'picker'],
        changedAt: '2026-12-03T14:05:00.000Z',
      },
    ],
  },
);
