import { AppError } from '../../errors.js';

/**
 * The xAPI 1.0.3 rules a statement must meet (Data, part 2 of the specification): required
 * properties, exactly one identifier per agent, IRIs, UUIDs, language maps, scores in range,
 * ISO 8601 times and durations, and no property the specification does not define. A broken
 * statement answers 400 naming the first faulty property, e.g. `[2].actor.mbox`.
 */
type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const LANGUAGE_TAG = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DURATION = /^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const VERSION = /^1\.0(\.\d+)?$/;

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

function fail(field: string, detail: string): never {
  throw new AppError('XAPI_STATEMENT_INVALID', detail, field);
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string, allowed: readonly string[]): Json {
  if (!isObject(value)) fail(field || 'body', `${field || 'a statement'} must be an object`);
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(field ? `${field}.${key}` : key, `${key} is not a property of ${field || 'a statement'}`);
  return value;
}

function string(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, `${field} must be a string`);
  return value;
}

function iri(value: unknown, field: string): string {
  const text = string(value, field);
  if (!IRI.test(text)) fail(field, `${field} must be an IRI`);
  return text;
}

export function uuid(value: unknown, field: string): string {
  const text = string(value, field);
  if (!UUID.test(text)) fail(field, `${field} must be a UUID`);
  return text.toLowerCase();
}

function languageMap(value: unknown, field: string): void {
  if (!isObject(value)) fail(field, `${field} must be a language map`);
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) fail(`${field}.${tag}`, `${tag} is not a language tag`);
    string(text, `${field}.${tag}`);
  }
}

function extensions(value: unknown, field: string): void {
  if (!isObject(value)) fail(field, `${field} must be an object`);
  for (const key of Object.keys(value)) iri(key, `${field}.${key}`);
}

export function timestamp(value: unknown, field: string): string {
  const text = string(value, field);
  if (!TIMESTAMP.test(text) || Number.isNaN(Date.parse(text))) fail(field, `${field} must be an ISO 8601 time with its offset`);
  return text;
}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** The inverse functional identifier of an agent as one comparable string. */
export function ifiOf(agent: Json): string | null {
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `sha1:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  if (isObject(agent.account)) return `account:${String(agent.account.homePage)}|${String(agent.account.name)}`;
  return null;
}

function identifiers(agent: Json, field: string): number {
  const present = IFIS.filter((key) => agent[key] !== undefined);
  if (present.length > 1) fail(`${field}.${present[1]}`, `${field} has more than one identifier`);
  const [ifi] = present;
  if (ifi === 'mbox' && !/^mailto:[^@\s]+@[^@\s]+$/i.test(string(agent.mbox, `${field}.mbox`))) fail(`${field}.mbox`, 'mbox must be a mailto: address');
  if (ifi === 'mbox_sha1sum' && !/^[0-9a-f]{40}$/i.test(string(agent.mbox_sha1sum, `${field}.mbox_sha1sum`))) fail(`${field}.mbox_sha1sum`, 'mbox_sha1sum must be 40 hexadecimal digits');
  if (ifi === 'openid') iri(agent.openid, `${field}.openid`);
  if (ifi === 'account') {
    const account = object(agent.account, `${field}.account`, ['homePage', 'name']);
    iri(account.homePage, `${field}.account.homePage`);
    string(account.name, `${field}.account.name`);
  }
  return present.length;
}

/** An Agent or a Group (identified, or anonymous with members). */
export function agent(value: unknown, field: string, options: { groupOnly?: boolean } = {}): Json {
  if (!isObject(value)) fail(field, `${field} must be an object`);
  const type = value.objectType ?? 'Agent';
  if (type === 'Group') {
    const group = object(value, field, ['objectType', 'name', 'member', ...IFIS]);
    if (group.name !== undefined) string(group.name, `${field}.name`);
    const identified = identifiers(group, field) === 1;
    if (group.member !== undefined) {
      if (!Array.isArray(group.member)) fail(`${field}.member`, 'member must be an array');
      group.member.forEach((m, i) => {
        if (isObject(m) && m.objectType === 'Group') fail(`${field}.member[${i}]`, 'a member must be an Agent');
        agent(m, `${field}.member[${i}]`);
      });
    }
    if (!identified && (!Array.isArray(group.member) || group.member.length === 0)) fail(`${field}.member`, 'an anonymous Group needs members');
    return group;
  }
  if (options.groupOnly) fail(`${field}.objectType`, `${field} must be a Group`);
  if (type !== 'Agent') fail(`${field}.objectType`, 'objectType must be Agent or Group');
  const person = object(value, field, ['objectType', 'name', ...IFIS]);
  if (person.name !== undefined) string(person.name, `${field}.name`);
  if (identifiers(person, field) !== 1) fail(field, `${field} needs exactly one of mbox, mbox_sha1sum, openid, account`);
  return person;
}

function verb(value: unknown, field: string): Json {
  const v = object(value, field, ['id', 'display']);
  if (v.id === undefined) fail(`${field}.id`, 'verb.id is required');
  iri(v.id, `${field}.id`);
  if (v.display !== undefined) languageMap(v.display, `${field}.display`);
  return v;
}

const DEFINITION_KEYS = ['name', 'description', 'type', 'moreInfo', 'extensions', 'interactionType', 'correctResponsesPattern', 'choices', 'scale', 'source', 'target', 'steps'];
const INTERACTIONS = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'];

function activity(value: Json, field: string): void {
  object(value, field, ['objectType', 'id', 'definition']);
  if (value.id === undefined) fail(`${field}.id`, 'an Activity needs an id');
  iri(value.id, `${field}.id`);
  if (value.definition === undefined) return;
  const d = object(value.definition, `${field}.definition`, DEFINITION_KEYS);
  for (const key of ['name', 'description'] as const) if (d[key] !== undefined) languageMap(d[key], `${field}.definition.${key}`);
  for (const key of ['type', 'moreInfo'] as const) if (d[key] !== undefined) iri(d[key], `${field}.definition.${key}`);
  if (d.extensions !== undefined) extensions(d.extensions, `${field}.definition.extensions`);
  if (d.interactionType !== undefined && !INTERACTIONS.includes(string(d.interactionType, `${field}.definition.interactionType`))) {
    fail(`${field}.definition.interactionType`, 'unknown interactionType');
  }
  if (d.correctResponsesPattern !== undefined) {
    if (!Array.isArray(d.correctResponsesPattern)) fail(`${field}.definition.correctResponsesPattern`, 'must be an array of strings');
    d.correctResponsesPattern.forEach((p, i) => string(p, `${field}.definition.correctResponsesPattern[${i}]`));
  }
  for (const key of ['choices', 'scale', 'source', 'target', 'steps'] as const) {
    if (d[key] === undefined) continue;
    if (!Array.isArray(d[key])) fail(`${field}.definition.${key}`, `${key} must be an array`);
    (d[key] as unknown[]).forEach((c, i) => {
      const component = object(c, `${field}.definition.${key}[${i}]`, ['id', 'description']);
      string(component.id, `${field}.definition.${key}[${i}].id`);
      if (component.description !== undefined) languageMap(component.description, `${field}.definition.${key}[${i}].description`);
    });
  }
}

function statementObject(value: unknown, field: string, inSubStatement: boolean): Json {
  if (!isObject(value)) fail(field, 'object is required');
  const type = value.objectType ?? 'Activity';
  if (type === 'Activity') activity(value, field);
  else if (type === 'Agent' || type === 'Group') agent(value, field);
  else if (type === 'StatementRef') {
    object(value, field, ['objectType', 'id']);
    uuid(value.id, `${field}.id`);
  } else if (type === 'SubStatement') {
    if (inSubStatement) fail(`${field}.objectType`, 'a SubStatement cannot hold another');
    object(value, field, ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
    body(value, field, true);
  } else fail(`${field}.objectType`, 'unknown objectType');
  return value;
}

function result(value: unknown, field: string): void {
  const r = object(value, field, ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
  if (r.score !== undefined) {
    const s = object(r.score, `${field}.score`, ['scaled', 'raw', 'min', 'max']);
    for (const key of ['scaled', 'raw', 'min', 'max'] as const) {
      if (s[key] !== undefined && (typeof s[key] !== 'number' || !Number.isFinite(s[key]))) fail(`${field}.score.${key}`, `${key} must be a number`);
    }
    const { scaled, raw, min, max } = s as Record<string, number | undefined>;
    if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(`${field}.score.scaled`, 'scaled must lie from -1 to 1');
    if (min !== undefined && max !== undefined && min >= max) fail(`${field}.score.min`, 'min must be below max');
    if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) fail(`${field}.score.raw`, 'raw must lie from min to max');
  }
  for (const key of ['success', 'completion'] as const) if (r[key] !== undefined && typeof r[key] !== 'boolean') fail(`${field}.${key}`, `${key} must be true or false`);
  if (r.response !== undefined) string(r.response, `${field}.response`);
  if (r.duration !== undefined && !DURATION.test(string(r.duration, `${field}.duration`))) fail(`${field}.duration`, 'duration must be an ISO 8601 duration');
  if (r.extensions !== undefined) extensions(r.extensions, `${field}.extensions`);
}

function context(value: unknown, field: string, objectIsActivity: boolean): void {
  const c = object(value, field, ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions']);
  if (c.registration !== undefined) uuid(c.registration, `${field}.registration`);
  if (c.instructor !== undefined) agent(c.instructor, `${field}.instructor`);
  if (c.team !== undefined) agent(c.team, `${field}.team`, { groupOnly: true });
  for (const key of ['revision', 'platform'] as const) {
    if (c[key] === undefined) continue;
    string(c[key], `${field}.${key}`);
    if (!objectIsActivity) fail(`${field}.${key}`, `${key} is only for statements about an Activity`);
  }
  if (c.language !== undefined && !LANGUAGE_TAG.test(string(c.language, `${field}.language`))) fail(`${field}.language`, 'language must be a language tag');
  if (c.statement !== undefined) {
    object(c.statement, `${field}.statement`, ['objectType', 'id']);
    if ((c.statement as Json).objectType !== 'StatementRef') fail(`${field}.statement.objectType`, 'must be StatementRef');
    uuid((c.statement as Json).id, `${field}.statement.id`);
  }
  if (c.extensions !== undefined) extensions(c.extensions, `${field}.extensions`);
  if (c.contextActivities !== undefined) {
    const ca = object(c.contextActivities, `${field}.contextActivities`, ['parent', 'grouping', 'category', 'other']);
    for (const [key, list] of Object.entries(ca)) {
      for (const [i, a] of (Array.isArray(list) ? list : [list]).entries()) {
        if (!isObject(a) || (a.objectType ?? 'Activity') !== 'Activity') fail(`${field}.contextActivities.${key}[${i}]`, 'must be an Activity');
        activity(a, `${field}.contextActivities.${key}[${i}]`);
      }
    }
  }
}

function attachments(value: unknown, field: string): void {
  if (!Array.isArray(value)) fail(field, 'attachments must be an array');
  value.forEach((a, i) => {
    const at = object(a, `${field}[${i}]`, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
    iri(at.usageType, `${field}[${i}].usageType`);
    languageMap(at.display, `${field}[${i}].display`);
    if (at.description !== undefined) languageMap(at.description, `${field}[${i}].description`);
    string(at.contentType, `${field}[${i}].contentType`);
    if (!Number.isInteger(at.length)) fail(`${field}[${i}].length`, 'length must be a whole number');
    string(at.sha2, `${field}[${i}].sha2`);
    // Attachments travel as multipart parts, which this endpoint does not take: only linked files.
    if (at.fileUrl === undefined) fail(`${field}[${i}].fileUrl`, 'only attachments with a fileUrl are accepted');
    iri(at.fileUrl, `${field}[${i}].fileUrl`);
  });
}

/** Actor, verb, object, result, context, timestamp, attachments: shared by a statement and a SubStatement. */
function body(s: Json, field: string, inSubStatement: boolean): void {
  const at = (key: string) => (field ? `${field}.${key}` : key);
  if (s.actor === undefined) fail(at('actor'), 'actor is required');
  agent(s.actor, at('actor'));
  if (s.verb === undefined) fail(at('verb'), 'verb is required');
  verb(s.verb, at('verb'));
  if (s.object === undefined) fail(at('object'), 'object is required');
  const o = statementObject(s.object, at('object'), inSubStatement);
  if (s.result !== undefined) result(s.result, at('result'));
  if (s.context !== undefined) context(s.context, at('context'), (o.objectType ?? 'Activity') === 'Activity');
  if (s.timestamp !== undefined) timestamp(s.timestamp, at('timestamp'));
  if (s.attachments !== undefined) attachments(s.attachments, at('attachments'));
  if ((s.verb as Json).id === VOIDED_VERB && o.objectType !== 'StatementRef') fail(at('object.objectType'), 'a voiding statement must point to a StatementRef');
}

/** Checks one statement as sent; `field` prefixes paths in a batch (`[3]`). */
export function checkStatement(value: unknown, field = ''): Json {
  const s = object(value, field, ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
  const at = (key: string) => (field ? `${field}.${key}` : key);
  if (s.id !== undefined) uuid(s.id, at('id'));
  body(s, field, false);
  if (s.stored !== undefined) timestamp(s.stored, at('stored'));
  if (s.authority !== undefined) agent(s.authority, at('authority'));
  if (s.version !== undefined && !VERSION.test(string(s.version, at('version')))) fail(at('version'), 'version must be 1.0.x');
  return s;
}
