/**
 * The public page's one request index.html's inline script started when the page was opened at a
 * public address (`#/public`, `#/public/<unit>`): on slow 3G its answer comes long before the app's
 * script, so the script paints the figures from it, and the app then takes the same answer instead
 * of asking again (features/public-progress/api/public-api.ts).
 */
export interface EarlyPublic<T = unknown> {
  /** The unit asked for; '' for the bare address (the only province's figures then come along). */
  unit: string;
  lang: string;
  /** The parsed answer; null when there was none (no network, an error, too many requests). */
  answer: Promise<T | null>;
  /** Set by the inline script once it painted the figures of `unit` (a unit code), before the app took over. */
  painted?: { unit: string; node: HTMLElement };
  /** The app took the answer: a later visit of the page asks the server again. */
  taken?: boolean;
}

declare global {
  interface Window {
    __doorstepPublic?: EarlyPublic;
  }
}

/** Where the early request lives: the window in the browser, any holder in a test. */
export interface EarlyPublicHolder {
  __doorstepPublic?: EarlyPublic;
}

const pageHolder = (): EarlyPublicHolder => (typeof window === 'undefined' ? {} : window);

/**
 * The figures index.html painted, when they are of `unit` (any unit when not given) in `language`:
 * what the app shows until its own page has its answer, so the figures never give way to "loading".
 */
export function paintedPublic(unit: string | undefined, language: string, holder: EarlyPublicHolder = pageHolder()): HTMLElement | undefined {
  const painted = holder.__doorstepPublic?.painted;
  if (!painted || holder.__doorstepPublic?.lang !== language || (unit !== undefined && painted.unit !== unit)) return undefined;
  return painted.node;
}

/** Takes the early answer once, when it was for this unit and language; undefined otherwise or when it failed. */
export async function takeEarlyPublic<T>(unit: string, language: string, holder: EarlyPublicHolder = pageHolder()): Promise<T | undefined> {
  const early = holder.__doorstepPublic;
  if (!early || early.taken || early.unit !== unit || early.lang !== language) return undefined;
  early.taken = true;
  return ((await early.answer.catch(() => null)) as T | null) ?? undefined;
}

/** The app's page has drawn its own figures: later loads show "loading", never these old ones. */
export function forgetPaintedPublic(holder: EarlyPublicHolder = pageHolder()): void {
  if (holder.__doorstepPublic) holder.__doorstepPublic.painted = undefined;
}
