import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { isUuidText } from '../lib/uuid-text.js';
import { isCalendarDay, isInstant } from '../lib/calendar-text.js';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;
type Ajv = AjvCompiler.Ajv;

/**
 * Integers with no bound of their own stop at what a JavaScript number holds exactly: past it
 * `99999999999999999999` reads as another number, and ids (bigint) never get there.
 */
const LARGEST_INTEGER = Number.MAX_SAFE_INTEGER;

function withIntegerBounds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withIntegerBounds);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `default`, `examples` and `const` hold data, not schemas.
    copy[key] = key === 'default' || key === 'examples' || key === 'const' ? value : withIntegerBounds(value);
  }
  if (copy.type === 'integer') {
    copy.maximum ??= LARGEST_INTEGER;
    copy.minimum ??= -LARGEST_INTEGER;
  }
  return copy;
}

/**
 * The formats the sync items' schemas check with (calendar-formats.ts), for the routes too. A
 * `uuid` is the canonical form only: ajv-formats also takes a `urn:uuid:` prefix, which the
 * database refuses.
 */
function useFormats(ajv: Ajv): void {
  ajv.addFormat('date', { type: 'string', validate: isCalendarDay });
  ajv.addFormat('date-time', { type: 'string', validate: isInstant });
  ajv.addFormat('uuid', { type: 'string', validate: isUuidText });
}

type ValidatorFunction = ReturnType<ReturnType<BuildValidator>>;

/** The two ajv pools (one per kind of input) and compiled validators, kept for the process. */
const coercing = AjvCompiler();
const strict = AjvCompiler();
const compiled = new Map<string, ValidatorFunction>();

/**
 * Two validators: query strings, params and headers arrive as text, so `limit=50` is coerced
 * to a number; a JSON body already has its types, so `{"n":"5"}` against an integer is refused
 * rather than quietly read as 5. Both check days, instants and ids with the formats above and
 * bound every integer.
 *
 * A compiled validator is kept by what it was compiled from (the kind of input, the shared
 * schemas and the route's schema), so a second app in the same process (the tests build one per
 * file, in workers that keep their modules) reuses it: compiling every route's schemas cost
 * about half a second of CPU per app. A validator holds no state between calls.
 */
export function buildValidators(): BuildValidator {
  return (externalSchemas, options) => {
    const base = { removeAdditional: false, allErrors: false, useDefaults: true } as const;
    // Plugins given to Fastify still apply; the ajv options and formats are these.
    const plugins = options?.plugins;
    const forText = coercing(externalSchemas, { plugins, customOptions: { ...base, coerceTypes: 'array' }, onCreate: useFormats });
    const forBody = strict(externalSchemas, { plugins, customOptions: { ...base, coerceTypes: false }, onCreate: useFormats });
    const shared = JSON.stringify(externalSchemas ?? {});
    return (route) => {
      const body = route.httpPart === 'body';
      const key = `${body ? 'body' : 'text'}\u0000${shared}\u0000${JSON.stringify(route.schema)}`;
      let validate = compiled.get(key);
      if (!validate) {
        const compile = body ? forBody : forText;
        validate = compile({ ...route, schema: withIntegerBounds(route.schema) as typeof route.schema });
        compiled.set(key, validate);
      }
      return validate;
    };
  };
}
