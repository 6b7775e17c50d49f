import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const ROLES_KEY = 'kkz:roles';
export const PUBLIC_KEY = 'kkz:public';

/** The roles that may call a route. A route without @Roles or @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed: health and docs only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
