import { bearer, type TestApi } from './test-api';

/**
 * Each invited municipality joins the lead's joint application by its own act, with its own token,
 * as each partner of the real Verbund decided for itself.
 */
export async function confirmMembers(
  api: TestApi,
  applicationId: string,
  memberAgs: string[],
): Promise<void> {
  for (const ags of memberAgs) {
    await api.http
      .post(`/expressions-of-interest/${applicationId}/members/${ags}/confirm`)
      .set(bearer(await api.token('municipality', ags)))
      .expect(200);
  }
}
