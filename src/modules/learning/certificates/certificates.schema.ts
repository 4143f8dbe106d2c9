import { Type } from 'typebox';

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export const CheckResult = Type.Object({
  status: Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('unknown')]),
  code: Type.String(),
  holderName: Type.Optional(Type.String()),
  skills: Type.Optional(Type.Array(Type.String())),
  achievedOn: Type.Optional(Type.String()),
  unitName: Type.Optional(Type.String()),
  revokedOn: Type.Optional(Type.String()),
  revokedReason: Type.Optional(Type.String()),
});

export const CertificateSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  holderName: Type.String(),
  skills: Type.Array(Type.String()),
  achievedOn: Type.String(),
  source: Type.String(),
  unitCode: Type.String(),
  issuedAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokedReason: Type.Union([Type.String(), Type.Null()]),
});

export const OwnList = Type.Object({ items: Type.Array(CertificateSummary) });
export const UnitPage = Type.Object({ items: Type.Array(CertificateSummary), next: Type.Union([Type.String(), Type.Null()]) });

export const UnitQuery = Type.Object({
  unit: Type.String({ minLength: 1, maxLength: 20 }),
  /** One certificate by its check code (as people type it), if issued in the unit or below. */
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  after: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false });

export const ProvinceParams = Type.Object({ province: Type.String({ pattern: '^[0-9]{1,6}$' }) });

const Jwk = Type.Object({ kty: Type.String(), n: Type.String(), e: Type.String(), kid: Type.String(), alg: Type.String(), use: Type.String() });
export const JwkSet = Type.Object({ keys: Type.Array(Jwk) });

export const FileResponse = (mediaType: string) => Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary', description: mediaType });
