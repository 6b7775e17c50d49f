import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export { Public, PUBLIC_KEY } from '@app/shared';

export const ROLES_KEY = 'kkz:roles';

/** The roles that may call a route. A route without @Roles or @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
