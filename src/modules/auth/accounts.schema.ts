import { Type } from 'typebox';
import { RoleSchema } from './auth.schema.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';

const NewPassword = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });

export const UpdateUserBodySchema = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Optional(RoleSchema),
  scopeUnitCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 32 }), Type.Null()])),
  disabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });

export const ResetCodeReplySchema = Type.Object({
  /** Shown once to the officer, who hands it to the user; only its hash is stored. */
  code: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const ResetPasswordBodySchema = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  code: Type.String({ minLength: 1, maxLength: 40 }),
  newPassword: NewPassword,
}, { additionalProperties: false });

export const ChangePasswordBodySchema = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  newPassword: NewPassword,
}, { additionalProperties: false });

export const SessionListSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), createdAt: Type.String({ format: 'date-time' }), expiresAt: Type.String({ format: 'date-time' }), current: Type.Boolean(),
  })),
});
