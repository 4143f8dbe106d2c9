import path from 'node:path';

/** Everything the process reads from its environment, parsed once and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** postgres://… switches from the embedded database to a PostgreSQL server. */
  readonly databaseUrl: string | undefined;
  /**
   * postgres://… of a streaming replica of DATABASE_URL: dashboard and report reads go there,
   * and fall back to the primary while it does not answer. Everything else stays on the primary.
   */
  readonly databaseReplicaUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly adminPassword: string | undefined;
  readonly demoPassword: string | undefined;
  /** Build the demo province on an empty database. */
  readonly demo: boolean;
  readonly sessionTtlHours: number;
  /** Login attempts allowed per client address and minute. */
  readonly loginRateLimit: number;
  /** Contest registrations allowed per client address and minute (a school lab shares one address). */
  readonly contestRegisterRateLimit: number;
  /** Contest requests (start, submit) allowed per participant and minute. */
  readonly contestPersonRateLimit: number;
  /** Mark cookies Secure; on by default outside development so a plain-http demo still logs in. */
  readonly cookieSecure: boolean;
  readonly publicUrl: string | undefined;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs). */
  readonly trustProxy: string | undefined;
  /**
   * Key of the keyed hashes of national ID numbers (DOORSTEP_SECRET). When unset the server keeps
   * a generated key in `<DATA_DIR>/secret.key`; several servers sharing one database must set it.
   */
  readonly secretKey: string | undefined;
  /**
   * Key and secret of the learning system the demo registers for the xAPI statements resource
   * (DOORSTEP_DEMO_XAPI_KEY, DOORSTEP_DEMO_XAPI_SECRET), so a local Moodle can report into it.
   */
  readonly demoXapiKey: string | undefined;
  readonly demoXapiSecret: string | undefined;
  /** How often units' statuses are re-evaluated to raise "behind" alerts; 0 turns it off. */
  readonly alertIntervalMinutes: number;
  /** OpenID Connect single sign-on, when OIDC_ISSUER_URL and the client are set. */
  readonly oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** What the login button names ("Đăng nhập bằng …"). */
  readonly name: string;
  /** Where the provider sends the browser back: PUBLIC_URL + /api/auth/sso/callback. */
  readonly redirectUrl: string;
}

/** Plain http is for a provider on this machine (tests, a local trial); anything else needs https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${env[name]}"`);
    return fallback;
  };

  const optional = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const databaseUrl = optional('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseReplicaUrl = optional('DATABASE_REPLICA_URL');
  if (databaseReplicaUrl && !databaseUrl) {
    problems.push('DATABASE_REPLICA_URL needs DATABASE_URL: a replica copies a PostgreSQL server, and the embedded database has none');
  } else if (databaseReplicaUrl && !/^postgres(ql)?:\/\//.test(databaseReplicaUrl)) {
    problems.push('DATABASE_REPLICA_URL must start with postgres:// or postgresql://');
  }

  const logLevel = (optional('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const adminPassword = optional('DOORSTEP_ADMIN_PASSWORD');
  const demoPassword = optional('DOORSTEP_DEMO_PASSWORD');
  for (const [name, value] of [['DOORSTEP_ADMIN_PASSWORD', adminPassword], ['DOORSTEP_DEMO_PASSWORD', demoPassword]] as const) {
    if (value !== undefined && value.length < 8) problems.push(`${name} must have at least 8 characters`);
  }

  const secretKey = optional('DOORSTEP_SECRET');
  if (secretKey !== undefined && secretKey.length < 32) problems.push('DOORSTEP_SECRET must have at least 32 characters');

  const demoXapiKey = optional('DOORSTEP_DEMO_XAPI_KEY');
  const demoXapiSecret = optional('DOORSTEP_DEMO_XAPI_SECRET');
  if ((demoXapiKey === undefined) !== (demoXapiSecret === undefined)) problems.push('DOORSTEP_DEMO_XAPI_KEY and DOORSTEP_DEMO_XAPI_SECRET go together: set both or neither');
  if (demoXapiKey !== undefined && !/^[A-Za-z0-9_.-]{3,64}$/.test(demoXapiKey)) problems.push('DOORSTEP_DEMO_XAPI_KEY must be 3 to 64 letters, digits, _ . or -');
  if (demoXapiSecret !== undefined && demoXapiSecret.length < 16) problems.push('DOORSTEP_DEMO_XAPI_SECRET must have at least 16 characters');

  const publicUrl = optional('PUBLIC_URL');
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');

  const oidc = readOidc(env, publicUrl, problems);

  const production = env.NODE_ENV === 'production';
  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host: optional('HOST') ?? '127.0.0.1',
    databaseUrl,
    databaseReplicaUrl,
    dataDir: path.resolve(optional('DATA_DIR') ?? 'data'),
    logLevel,
    adminPassword,
    demoPassword,
    demo: boolean('DOORSTEP_DEMO', true),
    sessionTtlHours: integer('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    loginRateLimit: integer('LOGIN_RATE_LIMIT', 10, 1, 10_000),
    contestRegisterRateLimit: integer('CONTEST_REGISTER_RATE_LIMIT', 120, 1, 1_000_000),
    contestPersonRateLimit: integer('CONTEST_PERSON_RATE_LIMIT', 20, 1, 10_000),
    cookieSecure: boolean('COOKIE_SECURE', production),
    publicUrl,
    trustProxy: optional('TRUST_PROXY'),
    secretKey,
    demoXapiKey,
    demoXapiSecret,
    alertIntervalMinutes: integer('ALERT_INTERVAL_MINUTES', 15, 0, 24 * 60),
    oidc,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** The single sign-on settings: all of issuer, client id and secret, or none of them. */
function readOidc(env: Env, publicUrl: string | undefined, problems: string[]): OidcConfig | undefined {
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const issuerUrl = value('OIDC_ISSUER_URL');
  const clientId = value('OIDC_CLIENT_ID');
  const clientSecret = value('OIDC_CLIENT_SECRET');
  const name = value('OIDC_NAME');
  if (issuerUrl === undefined && clientId === undefined && clientSecret === undefined) {
    if (name !== undefined) problems.push('OIDC_NAME is set but OIDC_ISSUER_URL is not');
    return undefined;
  }
  const before = problems.length;
  for (const [key, given] of [['OIDC_ISSUER_URL', issuerUrl], ['OIDC_CLIENT_ID', clientId], ['OIDC_CLIENT_SECRET', clientSecret]] as const) {
    if (given === undefined) problems.push(`${key} is missing: single sign-on needs OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together`);
  }
  let issuer: URL | undefined;
  if (issuerUrl !== undefined) {
    try {
      issuer = new URL(issuerUrl);
    } catch {
      problems.push(`OIDC_ISSUER_URL must be a URL, got "${issuerUrl}"`);
    }
    if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname))) {
      problems.push(`OIDC_ISSUER_URL must use https:// (plain http only on this machine), got "${issuerUrl}"`);
    }
  }
  if (clientId !== undefined && clientId.length > 255) problems.push('OIDC_CLIENT_ID must have at most 255 characters');
  if (name !== undefined && name.length > 40) problems.push('OIDC_NAME must have at most 40 characters');
  if (publicUrl === undefined) problems.push('OIDC_ISSUER_URL needs PUBLIC_URL: the provider sends people back to PUBLIC_URL/api/auth/sso/callback');
  if (problems.length > before || !issuerUrl || !issuer || !clientId || !clientSecret || !publicUrl) return undefined;
  return {
    issuerUrl,
    clientId,
    clientSecret,
    name: name ?? issuer.hostname,
    redirectUrl: `${publicUrl.replace(/\/+$/, '')}/api/auth/sso/callback`,
  };
}
