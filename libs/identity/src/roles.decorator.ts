import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from './principal';

export { Public, PUBLIC_KEY } from '@app/shared';

export const ROLES_KEY = 'kkz:roles';

/**
 * The roles that may call a route. A route without @Roles or @Public is refused to everyone. The
 * OpenAPI document shows them (`x-roles`, a sentence, 401 and 403 answers).
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
