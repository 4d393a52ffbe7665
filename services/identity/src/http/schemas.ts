import { NullableString, RoleName, Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    phone: NullableString(),
    roles: Type.Array(RoleName),
    createdAt: Timestamp,
  },
  { $id: 'User' },
);

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 8, maxLength: 256 });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ()-]{5,20}$' }), Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [{ email: 'anna@example.com', password: 'correct-horse-battery', name: 'Anna Petrova', phone: '+7 900 123-45-67' }],
  },
);

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false, examples: [{ email: 'customer@demo.bazar', password: 'demo12345' }] },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false, examples: [{ refreshToken: 'kQ3v1yJ0bN5c8xR2tW7mZ4pL9sD6fH1aE0uY3iO8gT5' }] },
);

export const SessionSchema = Type.Object({ user: Type.Ref('User'), accessToken: Type.String(), refreshToken: Type.String() });
export const TokenPairSchema = Type.Object({ accessToken: Type.String(), refreshToken: Type.String() });
export const MeSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  phone: NullableString(),
  roles: Type.Array(RoleName),
});

export const SetRolesBody = Type.Object({ roles: Type.Array(RoleName, { maxItems: 9 }) }, { additionalProperties: false });

export const WebSessionSchema = Type.Object({
  user: Type.Ref('User'),
  accessToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds the access token lives' }),
});
export const WebTokenSchema = Type.Object(
  { accessToken: Type.String(), expiresIn: Type.Integer() },
  { examples: [{ accessToken: 'eyJhbGciOiJFZERTQSJ9.…', expiresIn: 900 }] },
);
