import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (the `oidc-provider` package) on a local port, for single sign-on tests.
 * Its login and consent pages are replaced by one step that signs in whoever `signInAs` names,
 * so a test walks the real authorization code flow with plain HTTP requests; with
 * `devInteractions`, the provider shows its own login form (any login is its subject) and consent
 * page instead, for a browser to fill in.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The subject the next login at the provider proves. */
  signInAs(subject: string): void;
  /** Lifetime of the codes issued from now on, in seconds. */
  setCodeTtl(seconds: number): void;
  /**
   * Follows the browser's way from the provider's authorization URL until the provider sends it
   * back to the client: answers that redirect (the callback URL with code and state).
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string, options: { devInteractions?: boolean } = {}): Promise<TestProvider> {
  const devInteractions = options.devInteractions ?? false;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'doorstep-test';
  const clientSecret = 'doorstep-test-client-secret-0123456789';
  let subject = 'nobody';
  let codeTtl = 60;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    pkce: { required: () => true },
    ttl: { AuthorizationCode: () => codeTtl, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: devInteractions } },
    ...(devInteractions ? {} : { interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` } }),
    cookies: { keys: ['doorstep-test-provider-cookie-key'] },
  });
  const handle = provider.callback();

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (devInteractions || !req.url?.startsWith('/interaction/')) return handle(req, res);
    // Login and consent in one step: the test decided who signs in.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: subject, clientId: details.params.client_id });
      grant.addOIDCScope('openid');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: subject }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  const cookies = new Map<string, string>();
  const authorize = async (authorizationUrl: string): Promise<URL> => {
    let next = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop += 1) {
      if (next.origin !== issuer) return next;
      const response = await fetch(next, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
      next = new URL(location, next);
    }
    throw new Error('the provider redirected too many times');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (value) => { subject = value; cookies.clear(); },
    setCodeTtl: (seconds) => { codeTtl = seconds; },
    authorize,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The server's settings for single sign-on through `provider`, the server answering at `publicUrl`. */
export function ssoSettings(provider: TestProvider, publicUrl: string, name = 'VNeID'): Record<string, string> {
  return { PUBLIC_URL: publicUrl, OIDC_ISSUER_URL: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_NAME: name };
}
