/** Names shared by the global setup and the per-file databases of a PostgreSQL test run. */
export function templateName(): string {
  return `doorstep_tpl_${process.pid}_${Date.now().toString(36)}`;
}

/** The server URL pointed at another database on the same server. */
export function adminUrl(serverUrl: string, database?: string): string {
  const url = new URL(serverUrl);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump file of the migrated PGlite, or the name of the migrated PostgreSQL template. */
    databaseTemplate: string;
    /** A dump file of a PGlite as made, before any migration; '' when the run is on PostgreSQL. */
    emptyPGliteDump: string;
  }
}
