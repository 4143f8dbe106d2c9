import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Shortest password accepted for a new account. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted anywhere: argon2 of megabytes of input is a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** Argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as a wrong password, not as a server error.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password, made once. Login verifies against it when the username is
 * unknown, so an unknown user costs the same time as a wrong password and the answer's timing
 * does not tell which usernames exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomBytes(24).toString('base64url'));
  return dummyHash;
}
