import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'kkz:public';

/** No token needed: health and docs only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
