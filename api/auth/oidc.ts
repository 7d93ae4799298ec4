import * as client from 'openid-client';
import { isLoopbackHttp, type OidcConfig } from '../../infra/config.ts';
import { pendingSealer } from './oidc-pending.ts';

/** Who the provider says signed in; the email counts only when the provider has verified it. */
export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
}

/** Why a sign-in at the provider did not go through, each with its own page. */
export type OidcFailure = 'unavailable' | 'expired' | 'rejected';

export class OidcSignInFailed extends Error {
  override name = 'OidcSignInFailed';
  readonly reason: OidcFailure;

  constructor(reason: OidcFailure, detail: string, options?: ErrorOptions) {
    super(detail, options);
    this.reason = reason;
  }
}

/** An error and its causes in one line, for the log: openid-client puts the specific check in the cause. */
function reasons(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 4; current = current.cause) messages.push(current.message);
  return messages.join(': ') || 'an error without a message';
}

export interface OidcSignIn {
  /** Where to send the browser, and the cookie it must bring back (state, nonce, PKCE verifier, next). */
  begin(next: string): Promise<{ url: URL; cookie: string }>;
  /** Checks the provider's answer (the callback's query) against the cookie; throws OidcSignInFailed. */
  finish(query: string, cookie: string | undefined): Promise<{ identity: OidcIdentity; next: string }>;
}

/**
 * Staff sign-in through the municipality's OpenID Connect provider: authorization code flow with
 * PKCE, state and nonce. The provider's metadata is fetched on first use, so the API starts even
 * while the provider is away.
 */
export function createOidcSignIn(config: OidcConfig): OidcSignIn {
  const sealer = pendingSealer(config.clientSecret);
  let discovered: Promise<client.Configuration> | undefined;

  async function configuration(): Promise<client.Configuration> {
    if (!discovered) {
      const attempt = client.discovery(new URL(config.issuerUrl), config.clientId, config.clientSecret, client.ClientSecretBasic(config.clientSecret), {
        // Plain http only for a provider on this machine, as in the tests; config.ts refuses it elsewhere.
        execute: isLoopbackHttp(config.issuerUrl) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      });
      discovered = attempt;
      // A provider that was away is asked again on the next sign-in rather than never.
      attempt.catch(() => {
        if (discovered === attempt) discovered = undefined;
      });
    }
    try {
      return await discovered;
    } catch (error) {
      throw new OidcSignInFailed('unavailable', `the provider's metadata could not be fetched from ${config.issuerUrl}`, { cause: error });
    }
  }

  return {
    async begin(next) {
      const provider = await configuration();
      const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), next };
      const url = client.buildAuthorizationUrl(provider, {
        redirect_uri: config.redirectUri,
        scope: 'openid email',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, cookie: sealer.seal(pending) };
    },

    async finish(query, cookie) {
      const pending = sealer.open(cookie);
      if (!pending) throw new OidcSignInFailed('expired', 'no valid sign-in cookie: expired, altered, or started in another browser');
      const provider = await configuration();
      // The URL the provider sent the browser to, rebuilt from PUBLIC_URL so a proxy in front does not change it.
      const callbackUrl = new URL(config.redirectUri);
      callbackUrl.search = query;
      try {
        const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error('the provider sent no ID token');
        // Many providers put the email only in the userinfo answer, not in the ID token.
        const source = typeof claims.email === 'string' ? claims : await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
        const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : undefined;
        return { identity: { subject: claims.sub, email, emailVerified: source.email_verified === true }, next: pending.next };
      } catch (error) {
        throw new OidcSignInFailed('rejected', reasons(error), { cause: error });
      }
    },
  };
}
