import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH } from './passwords.js';
import { ROLES } from './roles.js';

export const RoleSchema = Type.Enum(ROLES);

/** A user as they see themself after login. */
export const UserSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  scopeUnitCode: Type.Union([Type.String(), Type.Null()]),
});

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

export const SessionReplySchema = Type.Object({
  user: UserSummarySchema,
  /** Send back in the `x-csrf-token` header on every request that changes something. */
  csrfToken: Type.String(),
});

export const NoContentSchema = Type.Null();
