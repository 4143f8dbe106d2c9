import fs from 'node:fs';
import path from 'node:path';

/** Only the server's own user may read or write what it creates: no group, no other bits. */
export const PRIVATE_UMASK = 0o077;

/**
 * Makes the process create every later file and folder private (PGlite writes its WAL and
 * relation files long after start, with the process umask), and tightens `DATA_DIR` and what
 * an older version left in it to 0700 folders and 0600 files. The embedded database holds
 * names, phones and password hashes in plain pages; a world-readable folder hands them to every
 * local account. Worker threads cannot change the umask, so there the folder fix alone applies.
 */
export function protectDataDir(dataDir: string): void {
  try {
    process.umask(PRIVATE_UMASK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_UNSUPPORTED_OPERATION') throw error;
  }
  // A folder made later (by the database or the secret key) is private through the umask.
  if (fs.existsSync(dataDir)) restrictTree(dataDir);
}

/**
 * 0700 folders and 0600 files under `folder`. Also run after the embedded database opens: its
 * first start unpacks a prepared cluster with world-readable modes whatever the umask says.
 */
export function restrictTree(folder: string): void {
  fs.chmodSync(folder, 0o700);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    // Links are left alone: chmod would follow them out of the folder.
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) restrictTree(full);
    else fs.chmodSync(full, 0o600);
  }
}

/** Paths under `folder` that a group or other account could read, write or enter. */
export function looseModes(folder: string): string[] {
  const loose: string[] = [];
  const visit = (current: string) => {
    if ((fs.statSync(current).mode & 0o077) !== 0) loose.push(current);
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) visit(full);
      else if ((fs.statSync(full).mode & 0o077) !== 0) loose.push(full);
    }
  };
  visit(folder);
  return loose;
}
