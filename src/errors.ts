import { translate, type Language, type MessageKey } from './i18n/index.js';

/**
 * The closed set of error codes the API answers with, and their HTTP status.
 * Every error leaves the server through `toErrorResponse`, so this table is the whole mapping.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_DATE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  CROSS_SITE_REQUEST: 403,
  APPROVER_IS_AUTHOR: 403,
  STATISTICS_BY_PROVINCE: 403,
  SHARED_DEFINITION_ADMIN_ONLY: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  TEAM_MEMBER_NOT_FOUND: 404,
  COMMITTEE_NOT_FOUND: 404,
  CONFLICT_NOT_FOUND: 404,
  CONFLICT_SETTLED: 409,
  CONFLICT_RESTORE_REFUSED: 422,
  UNIT_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  CURRENT_PASSWORD_WRONG: 400,
  UNIT_NOT_ACTIVE: 409,
  TEAM_EXISTS: 409,
  TEAM_LEADER_EXISTS: 409,
  TEAM_LEADER_LEAVING: 409,
  TEAM_MEMBER_ENDED: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNIT_OPERATION_INVALID: 422,
  UNIT_CHANGE_OVERTAKEN: 422,
  UNIT_STARTS_THAT_DAY: 422,
  UNIT_MOVE_CYCLE: 422,
  UNIT_TIER_MISMATCH: 422,
  UNIT_PARENT_TIER_INVALID: 422,
  UNIT_OTHER_PROVINCE: 422,
  UNIT_CHILDREN_UNASSIGNED: 422,
  TEAM_UNIT_INVALID: 422,
  COMMITTEE_UNIT_INVALID: 422,
  LINKED_USER_INVALID: 422,
  TEAM_DATE_INVALID: 422,
  IMPORT_INVALID: 422,
  INDICATOR_NOT_FOUND: 404,
  REPORTED_VALUE_NOT_FOUND: 404,
  DIFFICULTY_NOT_FOUND: 404,
  PHOTO_TOO_LARGE: 413,
  ASSIGNEE_NOT_MEMBER: 422,
  REPORTED_VALUE_LOCKED: 409,
  STATUS_TRANSITION_INVALID: 409,
  INDICATOR_NOT_REPORTED: 422,
  INDICATOR_FORMULA_INVALID: 422,
  PERIOD_INVALID: 400,
  DHIS2_PERIOD_INVALID: 400,
  DHIS2_MAPPING_MISSING: 422,
  HOUSEHOLD_NOT_FOUND: 404,
  RESIDENT_NOT_FOUND: 404,
  VISIT_NOT_FOUND: 404,
  RESIDENT_DUPLICATE: 409,
  VISIT_ALREADY_SUPERSEDED: 409,
  MILESTONE_KIND_TAKEN: 409,
  MILESTONE_KIND_UNKNOWN: 422,
  STATISTIC_PROPOSAL_NOT_FOUND: 404,
  STATISTIC_PROPOSAL_DECIDED: 409,
  STATISTIC_KIND_UNKNOWN: 422,
  SKILL_UNKNOWN: 422,
  UNIT_NOT_VILLAGE: 422,
  VILLAGE_CHANGE_UNSUPPORTED: 422,
  RESIDENT_MERGE_REFUSED: 422,
  RESIDENT_MERGE_ID_MISMATCH: 422,
  RESIDENT_MERGE_ACROSS_VILLAGES: 403,
  CONTEST_NOT_FOUND: 404,
  PHASE_NOT_FOUND: 404,
  ATTEMPT_NOT_FOUND: 404,
  BANK_NOT_FOUND: 404,
  PARTICIPANT_UNKNOWN: 401,
  PARTICIPANT_NAME_MISMATCH: 409,
  CONTEST_NOT_ELIGIBLE: 403,
  CONTEST_NOT_OPEN: 409,
  ATTEMPT_DAILY_LIMIT: 409,
  ATTEMPT_ALREADY_SUBMITTED: 409,
  ATTEMPT_DEADLINE_PASSED: 409,
  ATTEMPT_ANSWER_UNKNOWN_QUESTION: 422,
  ATTEMPT_ANSWER_UNKNOWN_OPTION: 422,
  ATTEMPT_ANSWER_REPEATED: 422,
  PREDICTION_INVALID: 422,
  CONTEST_BANK_TOO_SMALL: 422,
  CONTEST_PHASES_INVALID: 422,
  PHASE_NOT_ENDED: 409,
  COURSE_NOT_FOUND: 404,
  LESSON_NOT_FOUND: 404,
  COURSE_CODE_TAKEN: 409,
  COURSE_NOT_ENROLLED: 409,
  SKILL_CHECK_NOT_READY: 409,
  LEARNER_LINK_TAKEN: 409,
  EVENT_NOT_FOUND: 404,
  CAMPAIGN_NOT_FOUND: 404,
  REGISTRATION_NOT_FOUND: 404,
  MATERIAL_NOT_FOUND: 404,
  EVENT_FULL: 409,
  EVENT_DATES_INVALID: 422,
  EVENT_CAMPAIGN_INVALID: 422,
  CHECK_IN_OUTSIDE_EVENT: 422,
  MATERIAL_TYPE_REFUSED: 415,
  MATERIAL_TOO_LARGE: 413,
  CONTEST_BANK_IN_USE: 409,
  CONTEST_PHASE_PUBLISHED: 409,
  CONTEST_PHASE_HAS_ATTEMPTS: 409,
  CONTEST_ORGANISER_PHONE_INVALID: 422,
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_ALREADY_REVOKED: 409,
  XAPI_VERSION_REQUIRED: 400,
  XAPI_STATEMENT_INVALID: 400,
  XAPI_STATEMENT_CONFLICT: 409,
  XAPI_STATEMENT_NOT_FOUND: 404,
  XAPI_CREDENTIALS_INVALID: 401,
  XAPI_SYSTEM_NOT_FOUND: 404,
  LEARNING_IMPORT_HEADER: 422,
  SSO_NOT_CONFIGURED: 404,
  SSO_STATE_INVALID: 400,
  SSO_REFUSED: 400,
  SSO_ACCOUNT_UNKNOWN: 403,
  SSO_PROVIDER_UNAVAILABLE: 503,
  IDENTITY_TAKEN: 409,
  IDENTITY_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Why one row of an import was refused; the message is written in the caller's language. */
export type RowReason =
  MessageKey extends infer K ? (K extends `row.${infer R}` ? R : never) : never;

export interface RowError {
  /** 1-based line of the file, the header being line 1. */
  row: number;
  field?: string;
  reason: RowReason;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** A technical explanation for developers and logs; the user reads the translated code. */
    readonly detail?: string,
    readonly field?: string,
    readonly rows?: RowError[],
  ) {
    // A refusal (4xx) is an answer, not a fault: only failures of 500 and above are logged with
    // their stack (app.ts). Capturing the stack of each cost 7–10 µs in a server's deep call
    // chains, paid by every duplicate submission, rate-limited request or stale token of a flood.
    const stackFrames = Error.stackTraceLimit;
    const status = ERROR_STATUS[code];
    if (status < 500) Error.stackTraceLimit = 0;
    super(detail ?? code);
    Error.stackTraceLimit = stackFrames;
    this.name = 'AppError';
    this.status = status;
  }
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    detail?: string;
    field?: string;
    rows?: { row: number; field?: string; reason: string; message: string }[];
  };
}

interface FrameworkError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: { instancePath?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** Field path of the first schema violation, in the `items[3].data.householdId` style. */
function validationField(error: FrameworkError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return error.validationContext;
  const parts = (first.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`));
  const leaf = first.params?.missingProperty ?? first.params?.additionalProperty;
  if (typeof leaf === 'string') parts.push(`.${leaf}`);
  const path = parts.join('').replace(/^\./, '');
  const context = error.validationContext;
  if (!path) return context;
  return context && context !== 'body' ? `${context}.${path}` : path;
}

/**
 * Refusals by the database of a value it was sent: text it cannot store (22P05, 22021), a
 * date, number or text out of its range or form (22008, 22007, 22003, 22P02, 22001), a check
 * constraint (23514). Input is checked before it gets there; this is the net under those
 * checks, so what slips through is the caller's 400, never a 500.
 */
const REFUSED_VALUE_STATES = new Set(['22P05', '22021', '22008', '22007', '22003', '22P02', '22001', '23514']);

/** The SQLSTATE of a database error that refused a value, or undefined. */
export function refusedValueState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && REFUSED_VALUE_STATES.has(code) ? code : undefined;
}

/**
 * What of a failure may be logged: a database error carries the statement's parameters and the
 * failing row (names, phone numbers), which never go to the log.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return { type: error.name, message: error.message, code: (error as { code?: unknown }).code, stack: error.stack };
}

function classify(error: unknown): { code: ErrorCode; detail?: string; field?: string; rows?: RowError[] } {
  if (error instanceof AppError) {
    return { code: error.code, detail: error.detail, field: error.field, rows: error.rows };
  }
  const e = error as FrameworkError;
  if (e?.validation) return { code: 'VALIDATION_FAILED', detail: e.message, field: validationField(e) };
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'BODY_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'BAD_REQUEST', detail: 'Request body is not valid JSON', field: 'body' };
  }
  const state = refusedValueState(error);
  if (state !== undefined) return { code: 'VALIDATION_FAILED', detail: `The database refused a value (${state})` };
  if (e?.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { code: 'BAD_REQUEST', detail: e.message };
  }
  return { code: 'INTERNAL' };
}

/** Maps anything thrown inside a request to its status and public body, in the caller's language. */
export function toErrorResponse(error: unknown, lang: Language): { status: number; body: ErrorBody } {
  const { code, detail, field, rows } = classify(error);
  return {
    status: ERROR_STATUS[code],
    body: {
      error: {
        code,
        message: translate(lang, `error.${code}`),
        detail,
        field,
        rows: rows?.map((r) => ({
          row: r.row,
          field: r.field,
          reason: r.reason,
          message: translate(lang, `row.${r.reason}`, r.params),
        })),
      },
    },
  };
}
