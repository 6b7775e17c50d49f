import { api, must, type Schemas } from './client';

export type SignInOptions = Schemas['SignInOptions'];
export type Person = Schemas['SignedInPerson'];
export type Role = Person['roles'][number];

export const signInOptions = () => must(api.GET('/auth/config'));

export const devToken = (role: Role, ags?: string) =>
  must(api.POST('/auth/dev-token', { body: { role, ...(ags ? { ags } : {}) } }));

export const whoAmI = () => must(api.GET('/auth/me'));
