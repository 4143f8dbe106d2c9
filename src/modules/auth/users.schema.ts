import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';
import { RoleSchema, UserSummarySchema } from './auth.schema.js';

export const UserRecordSchema = Type.Object({
  ...UserSummarySchema.properties,
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const UserListQuerySchema = Type.Object(
  {
    /** The last username of the previous page. */
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuerySchema>;

export const UserListReplySchema = Type.Object({
  items: Type.Array(UserRecordSchema),
  next: Type.Union([Type.String(), Type.Null()]),
});

export const UserParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CreateUserBodySchema = Type.Object(
  {
    // Plain ASCII names survive every keyboard and every log; people's real names go in displayName.
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
    role: RoleSchema,
    scopeUnitCode: Type.Union([Type.String({ minLength: 1, maxLength: 32 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBodySchema>;

export const CreatedUserReplySchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
