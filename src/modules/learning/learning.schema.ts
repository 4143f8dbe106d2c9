import { Type } from 'typebox';

export const Id = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Id });
const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const LangQuery = Type.Object({ lang: Type.Optional(Lang) });
/** `keep`: the device fetches the lesson to keep it for offline reading; that is not the learner opening it. */
export const LessonQuery = Type.Object({ lang: Type.Optional(Lang), keep: Type.Optional(Type.Boolean()) });
export const SkillParams = Type.Object({ skill: Code });

const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);

export const CourseSummarySchema = Type.Object({
  id: Id, code: Type.String(), skillCode: Type.Union([Type.String(), Type.Null()]), groupCode: Type.Union([Type.String(), Type.Null()]),
  status: Status, lang: Type.String(), languages: Type.Array(Type.String()), title: Type.String(), summary: Type.String(),
  lessonCount: Type.Integer(), minutes: Type.Integer(),
});
export const CourseList = Type.Object({ items: Type.Array(CourseSummarySchema) });
export const CourseDetailSchema = Type.Intersect([CourseSummarySchema, Type.Object({
  provinceCode: Type.String(),
  lessons: Type.Array(Type.Object({ id: Id, sort: Type.Integer(), title: Type.String(), minutes: Type.Integer(), hasQuiz: Type.Boolean() })),
})]);

const Media = Type.Object({
  kind: Type.Union([Type.Literal('image'), Type.Literal('audio'), Type.Literal('video')]),
  url: Type.String({ minLength: 8, maxLength: 2000 }),
  caption: Type.String({ maxLength: 300 }),
});

export const LessonSchema = Type.Object({
  id: Id, courseId: Id, sort: Type.Integer(), minutes: Type.Integer(), lang: Type.String(), languages: Type.Array(Type.String()),
  title: Type.String(), html: Type.String(), media: Type.Array(Media),
  quiz: Type.Union([Type.Object({ bankId: Id, passPercent: Type.Integer() }), Type.Null()]),
  read: Type.Boolean(), quizPassed: Type.Union([Type.Boolean(), Type.Null()]),
  previousLessonId: Type.Union([Id, Type.Null()]), nextLessonId: Type.Union([Id, Type.Null()]),
});

export const AuthorLessonSchema = Type.Object({
  id: Id, courseId: Id, sort: Type.Integer(), minutes: Type.Integer(),
  texts: Type.Array(Type.Object({ lang: Type.String(), title: Type.String(), markdown: Type.String(), media: Type.Array(Media) })),
  quizzes: Type.Array(Type.Object({ lang: Type.String(), bankId: Id, passPercent: Type.Integer() })),
});

export const EnrolmentSchema = Type.Object({
  id: Id, courseId: Id, enrolledOn: Type.String(), source: Type.String(), lastLessonId: Type.Union([Id, Type.Null()]), created: Type.Boolean(),
});

export const MyCourseList = Type.Object({
  items: Type.Array(Type.Intersect([CourseSummarySchema, Type.Object({
    enrolmentId: Id, lessonsRead: Type.Integer(), quizzesPassed: Type.Integer(),
    lastLessonId: Type.Union([Id, Type.Null()]), completedOn: Type.Union([Type.String(), Type.Null()]),
  })])),
});

const PaperQuestion = Type.Object({ id: Id, text: Type.String(), options: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })) });
export const QuizPaperSchema = Type.Object({ lessonId: Id, passPercent: Type.Integer(), questions: Type.Array(PaperQuestion) });
export const AnswersBody = Type.Object({
  answers: Type.Array(Type.Object({ questionId: Id, optionId: Type.String({ minLength: 1, maxLength: 40 }) }), { maxItems: 100 }),
});
export const QuizResultSchema = Type.Object({
  correct: Type.Integer(), total: Type.Integer(), passed: Type.Boolean(), courseCompleted: Type.Boolean(),
  corrections: Type.Array(Type.Object({ questionId: Id, correctOptionId: Type.String(), chosenOptionId: Type.Union([Type.String(), Type.Null()]) })),
});

export const SkillCheckPaperSchema = Type.Object({
  attemptId: Id, skillCode: Type.String(), startedAt: Type.String(), deadline: Type.String(), serverNow: Type.String(), questions: Type.Array(PaperQuestion),
});
export const SkillCheckResultSchema = Type.Object({
  attemptId: Id, skillCode: Type.String(), correct: Type.Integer(), total: Type.Integer(), passed: Type.Boolean(), skillsConfirmed: Type.Boolean(),
});
const Nullable = <T extends ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
export const MySkillChecksSchema = Type.Object({
  confirmed: Type.Boolean(),
  items: Type.Array(Type.Object({
    skillCode: Type.String(), name: Type.String(), required: Type.Boolean(), ready: Type.Boolean(),
    questionCount: Nullable(Type.Integer()), minutes: Nullable(Type.Integer()), passPercent: Nullable(Type.Integer()),
    passed: Type.Boolean(), bestCorrect: Nullable(Type.Integer()), runningAttemptId: Type.Union([Id, Type.Null()]),
  })),
});
const LanguageBanks = Type.Array(Type.Object({ lang: Lang, bankId: Id }), { maxItems: 20 });
export const SkillCheckSettingBody = Type.Object({
  bankId: Id, questionCount: Type.Integer({ minimum: 1, maximum: 100 }), passPercent: Type.Integer({ minimum: 1, maximum: 100 }),
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
  /** Banks in languages other than Vietnamese; left out, the check keeps the ones it has. */
  languages: Type.Optional(LanguageBanks),
});
export const SkillCheckSettingList = Type.Object({
  items: Type.Array(Type.Intersect([Type.Object({ skillCode: Type.String(), languages: LanguageBanks }), Type.Omit(SkillCheckSettingBody, ['languages'])])),
});

const Named = { code: Code, nameVi: Text(200), nameEn: Text(200) };
export const FrameworkSchema = Type.Object({
  skills: Type.Array(Type.Object({ ...Named, competences: Type.Array(Type.Object(Named), { maxItems: 50 }) }), { minItems: 1, maxItems: 30 }),
  groups: Type.Array(Type.Object({ ...Named, residentGroup: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]), skills: Type.Array(Code, { maxItems: 30 }) }), { minItems: 1, maxItems: 20 }),
});
export const VariantParams = Type.Object({ name: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) });
export const VariantList = Type.Object({ items: Type.Array(Type.String()) });

export const CourseWriteBody = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{1,63}$' }),
  skillCode: Type.Union([Code, Type.Null()]),
  groupCode: Type.Union([Code, Type.Null()]),
  status: Status,
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  texts: Type.Array(Type.Object({ lang: Lang, title: Text(200), summary: Type.String({ maxLength: 2000 }) }), { minItems: 1, maxItems: 20 }),
});
export const LessonWriteBody = Type.Object({
  sort: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  minutes: Type.Integer({ minimum: 1, maximum: 600 }),
  texts: Type.Array(Type.Object({ lang: Lang, title: Text(200), markdown: Type.String({ maxLength: 50_000 }), media: Type.Array(Media, { maxItems: 20 }) }), { minItems: 1, maxItems: 20 }),
  quizzes: Type.Array(Type.Object({ lang: Lang, bankId: Id, passPercent: Type.Integer({ minimum: 1, maximum: 100 }) }), { maxItems: 20 }),
});
export const PreviewBody = Type.Object({ markdown: Type.String({ maxLength: 50_000 }) });
export const PreviewSchema = Type.Object({ html: Type.String() });
export const NoContentSchema = Type.Null();
export const CreatedSchema = Type.Object({ id: Id });

export const LinkBody = Type.Object({ userId: Id, residentId: Id });
export const LinkSchema = Type.Object({ userId: Id, residentId: Id, linkedAt: Type.String(), skillsConfirmed: Type.Boolean() });
export const UserParams = Type.Object({ userId: Id });
