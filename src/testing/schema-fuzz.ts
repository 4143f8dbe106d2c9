import { between, pick } from '../lib/seeded-random.js';

/**
 * Values for fuzzing the API from its own OpenAPI document: mostly what a schema asks for, with
 * one part broken (a wrong type, a value past a bound, text PostgreSQL cannot store, a year 0,
 * an injection attempt), so requests get past the first check and reach deeper ones.
 */
export type Random = () => number;
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** Text no schema should let through to the database unharmed. */
export const HOSTILE_TEXT = [
  '', ' ', 'x\u0000', '\u0000', '\ud800', 'a\udc00b', '\uffff', '🙂', 'ẞ\u0301', "' OR 1=1 --", "'; drop table residents; --",
  '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '%00', '%ED%A0%80', 'null', 'undefined', 'NaN', 'Infinity',
  '0000-01-01', '2025-02-30', '9999-12-31', '10000-01-01', '2025-08-01T25:00:00+07:00', '0000-01-01T00:00:00Z',
  '-1', '0', '1e400', '-1e400', '99999999999999999999', '2147483648', '1.5', '0x10',
  '66', '66001', '6600101', '00000000-0000-0000-0000-000000000000', '018f0000-0000-7000-8000-000000000000',
];

const HOSTILE_NUMBERS = [0, -1, 1.5, -0, 2 ** 31, 2 ** 53, 1e20, -1e20, 1e308, Number.MAX_SAFE_INTEGER + 2];

export function hostileText(random: Random): string {
  const roll = random();
  if (roll < 0.08) return 'x'.repeat(between(random, 1_000, 200_000));
  if (roll < 0.12) return pick(random, HOSTILE_TEXT).repeat(between(random, 2, 50));
  return pick(random, HOSTILE_TEXT);
}

/** Anything at all: the wrong type for whatever the schema wanted. */
export function hostileValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (roll < 0.45) return hostileText(random);
  if (roll < 0.65) return pick(random, HOSTILE_NUMBERS);
  if (roll < 0.72) return pick(random, [true, false, null]);
  if (depth > 2) return {};
  if (roll < 0.86) return Array.from({ length: between(random, 0, 3) }, () => hostileValue(random, depth + 1));
  return { [hostileText(random)]: hostileValue(random, depth + 1), __proto__x: 1, constructor: 'x' };
}

const hex = (random: Random, length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = (random: Random) => `${hex(random, 8)}-${hex(random, 4)}-7${hex(random, 3)}-8${hex(random, 3)}-${hex(random, 12)}`;

function validText(random: Random, schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return pick(random, ['0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', uuid(random)]);
    case 'date':
      return pick(random, ['2025-08-01', '2025-07-01', '2026-01-31']);
    case 'date-time':
      return pick(random, ['2025-08-01T09:30:00+07:00', new Date().toISOString()]);
  }
  if (schema.pattern?.includes('0-9')) return pick(random, ['66', '66001', '6600101', '1', '12']);
  return pick(random, ['66', '66001', '6600101', 'Thôn Mới', 'vneid_activated', 'online_payment', 'adult', 'admin']);
}

/** A value for `schema`: valid-looking, with a small chance at every level of being broken instead. */
export function valueFor(random: Random, schema: JsonSchema | undefined, breakChance: number, depth = 0): unknown {
  if (!schema || depth > 5) return hostileValue(random);
  if (random() < breakChance) return hostileValue(random);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return valueFor(random, pick(random, options), breakChance, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(random, schema.enum);
  const type = Array.isArray(schema.type) ? pick(random, schema.type) : schema.type;
  switch (type) {
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? 0;
      const high = Math.min(schema.maximum ?? 1000, low + 1000);
      const value = low + random() * (high - low);
      return type === 'integer' ? Math.round(value) : value;
    }
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    case 'string':
      return validText(random, schema);
    case 'array':
      return Array.from({ length: between(random, schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) }, () =>
        valueFor(random, schema.items, breakChance, depth + 1));
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random() < 0.5) result[key] = valueFor(random, child, breakChance, depth + 1);
      }
      if (random() < breakChance) result[hostileText(random)] = hostileValue(random);
      return result;
    }
    default:
      return hostileValue(random);
  }
}

/** A query or path value as text: a valid-looking one or hostile text, percent-encoded. */
export function textFor(random: Random, schema: JsonSchema | undefined, breakChance: number): string {
  const value = valueFor(random, schema, breakChance);
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return encodeText(text);
}

/** Percent-encoded text for a URL. */
export function encodeText(text: string): string {
  try {
    // `%ED`, `%FF` and `%00` in the text go out raw: bytes that are not UTF-8, and a NUL.
    return encodeURIComponent(text.length > 5000 ? text.slice(0, 5000) : text).replace(/%25(ED|FF|00)/g, '%$1');
  } catch {
    return '%ED%A0%80'; // a lone surrogate cannot be encoded: send its bytes as they would arrive
  }
}
