import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { domainError } from '@app/eventsourcing';
import {
  CurrentPrincipal,
  type Principal,
  resolveDevSecret,
  type Role,
  ROLES,
  Roles,
  signDevToken,
} from '@app/identity';
import {
  AGS_PATTERN,
  APP_CONFIG,
  type AppConfig,
  MunicipalityRegistry,
  type MunicipalityType,
  Public,
  Refuses,
} from '@app/shared';

/** Asked for a dev token while the API verifies an identity provider's tokens: no such route. */
export const DevSignInUnavailable = domainError('not-found', 'not-found', () => ({
  de: 'Die Entwicklungsanmeldung gibt es nur mit AUTH_MODE=dev.',
  en: 'Development sign-in exists only with AUTH_MODE=dev.',
}));

export const MunicipalityTokenNeedsAgs = domainError(
  'unknown-municipality',
  'invalid',
  (d: { ags?: string }) => ({
    de: d.ags
      ? `Die Kommune mit dem AGS ${d.ags} steht nicht im Verzeichnis.`
      : 'Für die Rolle Kommune ist eine Kommune aus dem Verzeichnis zu wählen.',
    en: d.ags
      ? `No municipality with AGS ${d.ags} is in the registry.`
      : 'The municipality role needs a municipality from the registry.',
  }),
);

export class DevTokenDto {
  /** The role the token grants. */
  @ApiProperty({ enum: ROLES, example: 'municipality' })
  @IsIn([...ROLES])
  role: Role;

  /** For the role `municipality`: the AGS of a municipality in the registry. */
  @ApiPropertyOptional({ example: '05978000' })
  @IsOptional()
  @Matches(AGS_PATTERN, { message: 'ags must be an 8-digit AGS' })
  ags?: string;
}

export class DevToken {
  /** A bearer token (HS256, dev mode), valid for `expiresInSeconds`. */
  token: string;
  expiresInSeconds: number;
}

export class SignInMunicipality {
  ags: string;
  name: string;
  @ApiProperty({ enum: ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'kreis'] })
  type: MunicipalityType;
}

export class OidcSignIn {
  /** The identity provider (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  /** The web workspace's client id (authorization code with PKCE, no secret). */
  clientId: string;
  scope: string;
}

/** How a person signs in to this installation. */
export class SignInOptions {
  @ApiProperty({ enum: ['dev', 'oidc'] })
  mode: 'dev' | 'oidc';
  /** Dev mode: the roles a dev token may carry. */
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  roles?: Role[];
  /** Dev mode: the municipalities of the registry, by name. */
  @ApiPropertyOptional({ type: [SignInMunicipality] })
  municipalities?: SignInMunicipality[];
  @ApiPropertyOptional({ type: OidcSignIn })
  oidc?: OidcSignIn;
}

/** Who the bearer token names: what a client shows and which pages it offers. */
export class SignedInPerson {
  subject: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  /** For a municipality: its AGS and its name from the registry. */
  ags?: string;
  municipalityName?: string;
}

const DEV_TOKEN_SECONDS = 8 * 60 * 60;

@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: MunicipalityRegistry,
  ) {}

  /**
   * How to sign in: with OIDC the identity provider and the web client id; in dev mode the roles
   * and the registry's municipalities a dev token may be asked for. No token needed.
   */
  @Get('config')
  @Public()
  options(): SignInOptions {
    const { auth } = this.config;
    if (auth.mode === 'oidc') {
      return { mode: 'oidc', oidc: { issuer: auth.issuer, clientId: auth.webClientId, scope: 'openid' } };
    }
    const municipalities = this.registry
      .all()
      .map(({ ags, name, type }) => ({ ags, name, type }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return { mode: 'dev', roles: [...ROLES], municipalities };
  }

  /** Who is signed in: the token's subject, roles and (for a municipality) its AGS and name. */
  @Get('me')
  @ApiBearerAuth()
  @Roles(...ROLES)
  me(@CurrentPrincipal() principal: Principal): SignedInPerson {
    const name = principal.ags ? this.registry.find(principal.ags)?.name : undefined;
    return {
      subject: principal.subject,
      roles: principal.roles,
      ...(principal.ags ? { ags: principal.ags } : {}),
      ...(name ? { municipalityName: name } : {}),
    };
  }

  /**
   * A dev token for a role (and a municipality of the registry): only with AUTH_MODE=dev, which
   * production refuses to start with; 404 otherwise. What `npm run token` prints, for the web sign-in.
   */
  @Post('dev-token')
  @HttpCode(200)
  @Public()
  @Refuses(MunicipalityTokenNeedsAgs)
  async devToken(@Body() body: DevTokenDto): Promise<DevToken> {
    const { auth } = this.config;
    if (auth.mode !== 'dev') throw new DevSignInUnavailable({});
    const ags = body.role === 'municipality' ? body.ags : undefined;
    if (body.role === 'municipality' && (!ags || !this.registry.find(ags))) {
      throw new MunicipalityTokenNeedsAgs({ ags });
    }
    const secret = resolveDevSecret(auth.devSecret, this.config.dataDir);
    const token = await signDevToken(secret, { role: body.role, ags, expiresIn: `${DEV_TOKEN_SECONDS}s` });
    return { token, expiresInSeconds: DEV_TOKEN_SECONDS };
  }
}
