import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../http/schemas.js';

const StatusSchema = Type.Union([
  Type.Literal('achieved'), Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('behind'), Type.Literal('no_target'), Type.Literal('no_data'),
]);

export const UnitParams = Type.Object({ unit: UnitCode });
export const DayQuery = Type.Object({ date: Type.Optional(Day) });
export const ChildrenCsvQuery = Type.Object({
  indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), date: Type.Optional(Day),
});
export const PeriodQuery = Type.Object({
  period: Type.String({ minLength: 4, maxLength: 12, description: 'A DHIS2 period: YYYYMMDD, YYYYWn (ISO week), YYYYBiWn, YYYYMM, YYYYQn, YYYYSn or YYYY' }),
  /** `uid`: DHIS2's identifiers from the province's mapping (the default when it has one); `code`: Doorstep's codes. */
  idScheme: Type.Optional(Type.Enum(['uid', 'code'])),
});
export const PhaseQuery = Type.Object({
  phase: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The code of a campaign phase (see GET /api/reports/phases)' })),
  from: Type.Optional(Day), to: Type.Optional(Day),
});

/** A file answer: the OpenAPI document shows it as binary; Fastify sends buffers as they are. */
export const FileResponse = (mediaType: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: mediaType });

export const DataValueSetSchema = Type.Object({
  dataValues: Type.Array(Type.Object({ dataElement: Type.String(), period: Type.String(), orgUnit: Type.String(), categoryOptionCombo: Type.Optional(Type.String()), value: Type.String() })),
});

export const SummarySchema = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), tier: Type.String() }),
  day: Type.String(),
  lead: Type.String(),
  sentences: Type.Array(Type.Object({ indicatorCode: Type.String(), text: Type.String() })),
  noData: Nullable(Type.String()),
  paragraph: Type.String(),
});

const PhaseFigureFields = {
  unitCode: Type.String(), unitName: Type.String(), start: Nullable(Type.Number()), end: Nullable(Type.Number()),
  gain: Nullable(Type.Number()), status: StatusSchema,
};

export const PhaseReportSchema = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  phase: Type.Object({
    code: Nullable(Type.String()), name: Nullable(Type.String()), from: Type.String(), to: Type.String(),
    startDay: Type.String(), endDay: Type.String(), ongoing: Type.Boolean(),
  }),
  indicators: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean(), target: Nullable(Type.Number()),
    total: Type.Object(PhaseFigureFields),
    ranking: Type.Array(Type.Object({ ...PhaseFigureFields, rank: Nullable(Type.Integer()) })),
  })),
  difficulties: Type.Array(Type.Object({
    unitCode: Type.String(), unitName: Nullable(Type.String()), category: Type.String(), description: Type.String(),
    status: Type.String(), reportedAt: Type.String(),
  })),
  moreDifficulties: Type.Boolean(),
});

export const PhaseSchema = Type.Object({
  code: Type.String(), provinceCode: Nullable(Type.String()), name: Type.String(), nameVi: Type.String(), nameEn: Type.String(),
  startsOn: Type.String(), endsOn: Type.String(),
});
export const PhaseListQuery = Type.Object({ unit: UnitCode });
export const PhaseCodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_-]{1,64}$' }) });
export const PhaseBody = Type.Object({
  provinceCode: Nullable(UnitCode),
  nameVi: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  startsOn: Day,
  endsOn: Day,
}, { additionalProperties: false });
