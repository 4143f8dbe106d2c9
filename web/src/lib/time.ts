/** Calendar days are Vietnam local days (UTC+7, no daylight saving), as on the server. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function vietnamDay(instant: Date = new Date()): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +07:00 offset the contract's examples use, e.g. 2025-08-01T09:30:00+07:00. */
export function vietnamIso(instant: Date = new Date()): string {
  return `${new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** Whole minutes between then and now, never negative (a phone's clock may run behind the server's). */
export function minutesSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000));
}
