import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { AppError } from '../../errors.js';

/**
 * The OpenID provider as openid-client sees it, discovered on first use and kept. Discovery
 * waits for a login rather than for the server's start, so a provider that is down at start
 * delays nobody's password login; a failed discovery is tried again on the next login.
 */
export class SsoProvider {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcConfig) {}

  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw new AppError('SSO_PROVIDER_UNAVAILABLE', `discovery of ${this.settings.issuerUrl} failed: ${(error as Error).message}`);
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuerUrl);
    // Plain http is allowed only for a provider on this machine; config.ts refuses it elsewhere.
    const insecure = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    return client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, { ...insecure, timeout: 10 });
  }

  /** Where to send the browser: the provider's login, with PKCE (S256), state and nonce. */
  async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: 'openid',
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Trades the code the browser brought back for tokens and answers the ID token's issuer and
   * subject. openid-client checks the state, the nonce, the PKCE verifier and the token's
   * signature, audience and times; a provider refusal (an expired or used code) is SSO_REFUSED.
   */
  async finish(query: Record<string, string>, checks: { state: string; nonce: string; codeVerifier: string }): Promise<{ issuer: string; subject: string }> {
    const configuration = await this.configuration();
    const current = new URL(this.settings.redirectUrl);
    for (const [key, value] of Object.entries(query)) current.searchParams.set(key, value);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (isNetworkFailure(error)) throw new AppError('SSO_PROVIDER_UNAVAILABLE', (error as Error).message);
      throw new AppError('SSO_REFUSED', (error as Error).message);
    }
    const claims = tokens.claims();
    if (!claims?.sub) throw new AppError('SSO_REFUSED', 'the ID token names no subject');
    return { issuer: claims.iss, subject: claims.sub };
  }
}

function isNetworkFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return error instanceof TypeError || /^(ECONN|ETIMEDOUT|UND_ERR|ENOTFOUND)/.test(cause?.code ?? '') || (error as Error).name === 'TimeoutError';
}
