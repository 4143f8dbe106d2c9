import { Type } from 'typebox';
import { Day, Nullable, UnitCode } from '../../http/schemas.js';
import { ContestRules, PrizeCounts } from './contest-rules.js';

export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id });

export const PhaseSchema = Type.Object({
  number: Type.Integer(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  participantCount: Nullable(Type.Integer()),
  publishedAt: Nullable(Type.String()),
  prizes: PrizeCounts,
});

export const ContestSchema = Type.Object({
  id: Type.String(),
  provinceCode: Type.String(),
  title: Type.String(),
  bankId: Type.String(),
  rules: ContestRules,
  phases: Type.Array(PhaseSchema),
});
export const ContestList = Type.Object({ items: Type.Array(ContestSchema) });
/** The organisers' view: how many organisers' phones are on record, never the phones. */
export const ManagedContestSchema = Type.Object({ ...ContestSchema.properties, organiserCount: Type.Integer() });
export const ManagedContestList = Type.Object({ items: Type.Array(ManagedContestSchema) });

export const RegisterBody = Type.Object({
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  phone: Type.String({ minLength: 9, maxLength: 20 }),
  unitCode: UnitCode,
}, { additionalProperties: false });
export const ParticipantSchema = Type.Object({ fullName: Type.String(), unitCode: Type.String(), provinceCode: Type.String() });

export const AttemptSchema = Type.Object({
  attemptId: Type.String(),
  questions: Type.Array(Type.Object({
    id: Type.String(),
    text: Type.String(),
    options: Type.Array(Type.Object({ id: Type.String(), text: Type.String() }, { additionalProperties: false })),
  }, { additionalProperties: false })),
  deadline: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });

export const SubmitBody = Type.Object({
  answers: Type.Array(Type.Object({
    questionId: Type.String({ maxLength: 64 }),
    optionId: Type.String({ maxLength: 64 }),
  }, { additionalProperties: false }), { maxItems: 100 }),
  // Checked by the service, so a bad prediction gets its own code rather than a schema error.
  prediction: Type.Unknown({ description: 'A whole number from 0: how many people take part in this phase' }),
}, { additionalProperties: false });
export const SubmitResult = Type.Object({ score: Type.Integer(), correct: Type.Integer(), durationMs: Type.Integer() });

export const LeaderboardQuery = Type.Object({
  phase: Type.Integer({ minimum: 1, maximum: 1000 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
const LeaderboardItem = Type.Object({
  rank: Type.Integer(), name: Type.String(), unitName: Type.String(), score: Type.Integer(), correct: Type.Integer(),
  prediction: Type.Integer(), durationMs: Type.Integer(),
});
export const Leaderboard = Type.Object({
  phase: Type.Integer(), participantCount: Type.Integer(), published: Type.Boolean(),
  items: Type.Array(LeaderboardItem), me: Nullable(LeaderboardItem),
});

export const WinnerSchema = Type.Object({
  rank: Type.Integer(), prize: Type.Integer(), fullName: Type.String(), unitName: Type.String(), score: Type.Integer(), durationMs: Type.Integer(),
});
export const UnitResultSchema = Type.Object({
  unitCode: Type.String(), unitName: Type.String(), participants: Type.Integer(), eligible: Nullable(Type.Number()),
  participationPercent: Nullable(Type.Number()), prizes: Type.Object({ first: Type.Integer(), second: Type.Integer(), third: Type.Integer() }),
  prizeScore: Type.Number(),
});
export const PhaseQuery = Type.Object({ phase: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });
export const ResultsQuery = Type.Object({ phase: Type.Integer({ minimum: 1, maximum: 1000 }) });
export const Results = Type.Object({
  phase: Type.Integer(), participantCount: Type.Integer(), publishedAt: Type.String(),
  winners: Type.Array(WinnerSchema), units: Type.Array(UnitResultSchema),
});

export const ProvinceQuery = Type.Object({ provinceCode: UnitCode });
const PhaseList = Type.Array(Type.Object({ startsOn: Day, endsOn: Day, prizes: Type.Optional(PrizeCounts) }, { additionalProperties: false }), { minItems: 1, maxItems: 52 });
const OrganiserPhones = Type.Array(Type.String({ maxLength: 20 }), { maxItems: 1000 });
export const CreateContestBody = Type.Object({
  provinceCode: UnitCode,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  bankId: Id,
  rules: Type.Optional(Type.Partial(ContestRules)),
  phases: PhaseList,
  /** Organisers' phone numbers: they may not take part. Only keyed hashes of them are kept. */
  organiserPhones: Type.Optional(OrganiserPhones),
}, { additionalProperties: false });
export const UpdateContestBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  bankId: Type.Optional(Id),
  rules: Type.Optional(Type.Partial(ContestRules)),
  phases: Type.Optional(PhaseList),
  /** Replaces the organisers' list when given; left out, the list on record stays. */
  organiserPhones: Type.Optional(OrganiserPhones),
}, { additionalProperties: false });
export const ContestSummarySchema = Type.Object({
  contest: Nullable(Type.Object({
    contestId: Type.String(), title: Type.String(),
    phase: Nullable(Type.Object({ number: Type.Integer(), startsOn: Type.String(), endsOn: Type.String() })),
    participantsToday: Type.Integer(), participantsThisPhase: Type.Integer(), lastPublishedPhase: Nullable(Type.Integer()),
  })),
});

export const BankFormatSchema = Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('aiken'), Type.Literal('gift')]);
export const BankImportQuery = Type.Object({
  provinceCode: UnitCode,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  format: BankFormatSchema,
  topic: Type.Optional(Type.String({ maxLength: 200 })),
});
export const BankSchema = Type.Object({ id: Type.String(), provinceCode: Type.String(), name: Type.String(), questionCount: Type.Integer(), createdAt: Type.String() });
export const BankList = Type.Object({ items: Type.Array(BankSchema) });
export const BankExportQuery = Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('aiken'), Type.Literal('gift')]) });
export const PublishParams = Type.Object({ id: Id, number: Type.Integer({ minimum: 1, maximum: 1000 }) });

export const SuspiciousSchema = Type.Object({
  addresses: Type.Array(Type.Object({ address: Type.String(), attempts: Type.Integer(), participants: Type.Integer() })),
  fastAttempts: Type.Array(Type.Object({
    attemptId: Type.String(), name: Type.String(), unitCode: Type.String(), score: Type.Integer(), durationMs: Type.Integer(),
    secondsPerQuestion: Type.Number(), address: Type.String(), startedAt: Type.String(),
  })),
});

/** A downloaded file: raw bytes, not JSON. */
export const FileResponse = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
export const TextFile = Type.Unknown({ description: 'UTF-8 text: Aiken, GIFT, or CSV with the columns question,option_a,option_b,option_c,option_d,answer,topic' });
export const XlsxFile = Type.Unknown({ description: 'A workbook whose first sheet has the CSV\'s columns' });
export const UnitChoices = Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) });
