import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../../../db/database.js';
import * as q from './certificates.queries.js';

/**
 * The province's key for signing credentials. RS256 is the algorithm every Open Badges 3.0
 * verifier must accept. The key is made on first use and kept in the database, so a backup
 * holds it and every server of the province signs with the same one; the private half never
 * leaves this file (not logged, not served). Old keys stay published so old credentials verify.
 */
const PURPOSE = 'certificates';
export const ALGORITHM = 'RS256';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;
const imported = new Map<string, Promise<SigningKey>>();

export async function keyInUse(db: Database): Promise<{ kid: string; key: SigningKey }> {
  let row = await q.selectKeyInUse(db, PURPOSE);
  if (!row) {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    await q.insertKeyUnlessOne(db, {
      kid, purpose: PURPOSE, algorithm: ALGORITHM,
      public_jwk: JSON.stringify(await exportJWK(publicKey)), private_jwk: JSON.stringify(await exportJWK(privateKey)),
    });
    row = await q.selectKeyInUse(db, PURPOSE);
    if (!row) throw new Error('No signing key after creating one');
  }
  let key = imported.get(row.kid);
  if (!key) imported.set(row.kid, (key = importJWK(row.private_jwk as JWK, ALGORITHM)));
  return { kid: row.kid, key: await key };
}

/** The public keys as a JWK set: what anyone needs to verify a credential without asking Doorstep. */
export interface PublicJwk { kty: string; n: string; e: string; kid: string; alg: string; use: string }

export async function publicKeySet(db: Database): Promise<{ keys: PublicJwk[] }> {
  // A verifier may come before the first certificate: the key it will verify with exists already.
  await keyInUse(db);
  const rows = await q.selectPublicKeys(db, PURPOSE);
  return {
    keys: rows.map((row) => {
      const { n, e } = row.public_jwk as { n: string; e: string };
      return { kty: 'RSA', n, e, kid: row.kid, alg: ALGORITHM, use: 'sig' };
    }),
  };
}
