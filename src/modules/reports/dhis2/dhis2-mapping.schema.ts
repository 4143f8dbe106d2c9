import { Type } from 'typebox';
import { Nullable, UnitCode } from '../../../http/schemas.js';

const Uid = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{10}$', description: 'A DHIS2 UID: 11 letters and digits, a letter first' });
const Stamp = { updatedAt: Nullable(Type.String()), updatedBy: Nullable(Type.String()) };

export const ProvinceQuery = Type.Object({
  /** For the administrator: the province whose mapping is read or changed. Officers use their own. */
  province: Type.Optional(UnitCode),
}, { additionalProperties: false });

export const MappingSchema = Type.Object({
  provinceCode: Type.String(),
  indicators: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), dataElement: Nullable(Type.String()), categoryOptionCombo: Nullable(Type.String()), ...Stamp,
  })),
  units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), orgUnit: Nullable(Type.String()), ...Stamp })),
});

export const LineParams = Type.Object({ kind: Type.Enum(['indicator', 'unit']), code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }) });
export const LineBody = Type.Object({
  uid: Uid,
  /** Indicators only: the category option combo when the data element is disaggregated; else DHIS2's default. */
  categoryOptionCombo: Type.Optional(Nullable(Uid)),
}, { additionalProperties: false });

export const ImportReply = Type.Object({ lines: Type.Integer() });
