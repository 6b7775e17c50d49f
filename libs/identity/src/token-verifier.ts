import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import { AGS_PATTERN } from '@app/shared';
import { Unauthenticated } from './auth-errors';
import { type Principal, type Role, ROLES } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

const DEV_ISSUER = 'kkz-dev';
const DEV_AUDIENCE = 'kkz-api';

/** Turns verified claims into a Principal, refusing tokens whose roles or AGS do not fit. */
export function principalFromClaims(claims: JWTPayload, rolesClaim = 'roles', agsClaim = 'ags'): Principal {
  const rawRoles = claims[rolesClaim];
  const list = Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? [rawRoles] : [];
  const roles = [...new Set(list.filter((r): r is Role => ROLES.includes(r as Role)))];
  if (!claims.sub) throw new Unauthenticated('no-subject');
  if (roles.length === 0) throw new Unauthenticated('no-role');
  const ags = claims[agsClaim];
  if (roles.includes('municipality') && (typeof ags !== 'string' || !AGS_PATTERN.test(ags))) {
    throw new Unauthenticated('municipality-without-ags');
  }
  return { subject: claims.sub, roles, ...(typeof ags === 'string' ? { ags } : {}) };
}

function invalid(error: unknown): never {
  if (error instanceof Unauthenticated) throw error;
  throw new Unauthenticated((error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid');
}

/** Development: HS256 tokens signed with a local secret (npm run token). */
export class DevTokenVerifier implements TokenVerifier {
  private readonly key: KeyObject;
  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload);
    } catch (error) {
      invalid(error);
    }
  }
}

/** Production: tokens of the ministry's identity provider, checked against its JWKS. */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  constructor(
    private readonly options: {
      jwksUrl: string;
      issuer: string;
      audience: string;
      rolesClaim: string;
      agsClaim: string;
    },
  ) {
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  }
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload, this.options.rolesClaim, this.options.agsClaim);
    } catch (error) {
      invalid(error);
    }
  }
}

export interface DevTokenRequest {
  role: Role;
  ags?: string;
  subject?: string;
  /** e.g. '8h', '30d' */
  expiresIn?: string;
}

export async function signDevToken(secret: string, request: DevTokenRequest): Promise<string> {
  if (request.role === 'municipality' && !AGS_PATTERN.test(request.ags ?? '')) {
    throw new Error('a municipality token needs --ags with an 8-digit AGS, e.g. 05978000');
  }
  const subject = request.subject ?? (request.ags ? `${request.role}:${request.ags}` : `${request.role}:dev`);
  return new SignJWT({ roles: [request.role], ...(request.ags ? { ags: request.ags } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
