import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '@app/shared';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard';
import { CachingTokenVerifier } from './caching-token-verifier';
import { resolveDevSecret } from './dev-secret';
import { DevTokenVerifier, OidcTokenVerifier, type TokenVerifier } from './token-verifier';

export function createTokenVerifier(config: AppConfig): TokenVerifier {
  const verifier =
    config.auth.mode === 'oidc'
      ? new OidcTokenVerifier(config.auth)
      : new DevTokenVerifier(resolveDevSecret(config.auth.devSecret, config.dataDir));
  return new CachingTokenVerifier(verifier);
}

@Module({})
export class IdentityModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      providers: [
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
