import { BRUECKEN } from './fixtures';
import { bearer, type TestApi } from './test-api';

/**
 * A joint application as the real Verbund is made: the lead drafts it naming its partners, and
 * each partner joins by its own act, with its own token. Returns the application id.
 */
export async function draftJointApplication(
  api: TestApi,
  leadAgs: string,
  memberAgs: string[],
  body: object = BRUECKEN,
  callId = 'kkz-2011',
): Promise<string> {
  const lead = bearer(await api.token('municipality', leadAgs));
  await api.http
    .post(`/calls/${callId}/expressions-of-interest`)
    .set(lead)
    .send({ ...body, memberAgs })
    .expect(201);
  const applicationId = `${callId}.${leadAgs}`;
  await confirmMembers(api, applicationId, memberAgs);
  return applicationId;
}

/** Each invited municipality confirms for itself. */
export async function confirmMembers(api: TestApi, applicationId: string, memberAgs: string[]): Promise<void> {
  for (const ags of memberAgs) {
    await api.http
      .post(`/expressions-of-interest/${applicationId}/members/${ags}/confirm`)
      .set(bearer(await api.token('municipality', ags)))
      .expect(200);
  }
}
