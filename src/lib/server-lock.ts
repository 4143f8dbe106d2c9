import fs from 'node:fs';
import path from 'node:path';

/**
 * A note in DATA_DIR that a server has the embedded database open. The embedded database is
 * one process's alone: a second process reading its files while the server writes them gets
 * a torn copy, so backup and restore refuse while the note names a live process.
 */
export const SERVER_PID_FILE = 'server.pid';

export function markServerRunning(dataDir: string): () => void {
  const file = path.join(dataDir, SERVER_PID_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    // Only our own note: a later server may have written its own since.
    if (runningServerPid(dataDir) === process.pid) fs.rmSync(file, { force: true });
  };
}

/** The id of a live process that holds the embedded database, or null. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, SERVER_PID_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's; still a server holding the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
