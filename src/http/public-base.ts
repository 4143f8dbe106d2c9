import type { Config } from '../config.js';

/** The address links to this server point to (certificates, credentials, xAPI): PUBLIC_URL, else where it listens. */
export function publicBase(config: Config): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}
