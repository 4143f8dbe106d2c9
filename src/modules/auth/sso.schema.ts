import { Type } from 'typebox';

export const SsoSettingsReplySchema = Type.Object({
  enabled: Type.Boolean(),
  /** What the login button names: "Đăng nhập bằng <name>". */
  name: Type.Union([Type.String(), Type.Null()]),
  issuer: Type.Union([Type.String(), Type.Null()]),
});

/** What a provider sends back: code and state, or error; other parameters (iss, session_state) pass. */
export const SsoCallbackQuerySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
  },
  { additionalProperties: Type.String({ maxLength: 2048 }) },
);

export const IdentitySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  issuer: Type.String(),
  subjectHint: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const IdentityListReplySchema = Type.Object({ items: Type.Array(IdentitySchema) });

export const LinkIdentityBodySchema = Type.Object(
  {
    issuer: Type.String({ minLength: 1, maxLength: 500 }),
    subject: Type.String({ minLength: 1, maxLength: 255 }),
  },
  { additionalProperties: false },
);

export const IdentityParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }), identityId: Type.String({ format: 'uuid' }) });
