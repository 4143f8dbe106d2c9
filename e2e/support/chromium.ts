import fs from 'node:fs';

/** Debian's Chromium, which the journeys drive (CI installs it; see .ci/run). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Why the browser journeys cannot run on this machine, or undefined when they can. Without
 * Chromium a journey is reported as skipped with this reason rather than failed, so a newcomer's
 * `npm test` still runs everything else; in CI (CI=true) a missing Chromium is a failure, never a
 * silent skip, because CI installs it.
 */
export function chromiumMissing(): string | undefined {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return undefined;
  } catch {
    const missing = `no Chromium at ${CHROMIUM_PATH} (on Debian: apt-get install chromium)`;
    if (process.env.CI === 'true') throw new Error(`${missing}; CI must run the browser journeys`);
    return `${missing}: browser journey skipped`;
  }
}

/**
 * First line of a journey's test: marks it skipped, with the reason, when Chromium is missing.
 * (A skip from a hook would carry no reason into the report.)
 */
export function skipWithoutChromium(context: { skip: (condition: boolean, note?: string) => void }): void {
  const reason = chromiumMissing();
  context.skip(reason !== undefined, reason);
}
