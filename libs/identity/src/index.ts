export * from './principal';
export * from './auth-errors';
export * from './token-verifier';
export * from './dev-secret';
export * from './roles.decorator';
export * from './auth.guard';
export * from './current-principal.decorator';
export * from './identity.module';
