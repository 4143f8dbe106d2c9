import { createHash, createHmac } from 'node:crypto';

/**
 * The two ways Doorstep keeps a value it must recognise but never hold.
 *
 * A keyed hash for identifiers a person has (a national ID number, a phone): HMAC-SHA256 under
 * the server's secret key, so a copied table cannot be reversed by trying every number. The
 * purpose prefix keeps a phone and an ID number with the same digits apart.
 */
export function keyedHash(secretKey: string, purpose: 'national-id' | 'phone' | 'sso-subject', value: string): string {
  return createHmac('sha256', secretKey).update(`${purpose}:${value}`).digest('hex');
}

/**
 * A plain SHA-256 for random bearer secrets the server made itself (session and participant
 * tokens, password reset codes): they are too long to guess, so a copy of the table opens nothing.
 */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
