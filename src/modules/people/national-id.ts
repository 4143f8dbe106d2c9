import { keyedHash } from '../../lib/hashes.js';

/** A Vietnamese citizen identity number: 12 digits. */
export const NATIONAL_ID_PATTERN = '^[0-9]{12}$';

export interface HashedNationalId {
  /** HMAC-SHA256 under the server's secret key, hex: equal numbers give equal hashes, and without the key nobody can test guesses. */
  hash: string;
  last4: string;
}

/**
 * What is kept of a national ID number. The number itself is never stored nor logged: a keyed
 * hash (so a copied table cannot be reversed by trying all 10^12 numbers) and the last 4
 * digits, which a team member reads back to tell two people apart.
 */
export function hashNationalId(secretKey: string, nationalId: string): HashedNationalId {
  const digits = nationalId.trim();
  return {
    hash: keyedHash(secretKey, 'national-id', digits),
    last4: digits.slice(-4),
  };
}
