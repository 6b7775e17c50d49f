import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import { answerSurvey, myAnswer, survey, surveys } from '../api/municipality';
import { date, dateTime } from '../format';
import { BackLink, Field, Loading, Notice, Page, ProblemMessage } from '../ui';

const SURVEY_STATUS: Record<string, string> = {
  open: 'offen',
  closed: 'geschlossen',
  'not-open-yet': 'noch nicht geöffnet',
};

export function SurveysPage() {
  const list = useQuery({ queryKey: ['surveys'], queryFn: surveys });
  return (
    <Page title="Befragungen">
      <ProblemMessage error={list.error} />
      {list.isPending && <Loading what="Befragungen" />}
      {list.data && list.data.length === 0 && <p>Ihre Kommune ist zu keiner Befragung eingeladen.</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <caption>Befragungen, zu denen Ihre Kommune eingeladen ist</caption>
          <thead>
            <tr>
              <th scope="col">Befragung</th>
              <th scope="col">Zeitraum</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.surveyId}>
                <td>
                  <Link to={`/befragungen/${encodeURIComponent(s.surveyId)}`}>{s.title}</Link>
                </td>
                <td>
                  {date(s.window.opensOn)} bis {date(s.window.closesOn)}
                </td>
                <td>{SURVEY_STATUS[s.status] ?? s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

/** The questions a refusal names (missing answers, an unknown step): their ids, with the sentence. */
function questionErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const facts = error.extensions;
  const out: Record<string, string> = {};
  for (const id of (facts.missing as string[] | undefined) ?? [])
    out[id] = 'Bitte beantworten: Diese Frage ist nicht freiwillig.';
  if (typeof facts.questionId === 'string') out[facts.questionId] = error.detail;
  return out;
}

export function SurveyPage() {
  const { surveyId = '' } = useParams();
  const client = useQueryClient();
  const s = useQuery({ queryKey: ['survey', surveyId], queryFn: () => survey(surveyId) });
  const mine = useQuery({ queryKey: ['survey-answer', surveyId], queryFn: () => myAnswer(surveyId) });
  const [answers, setAnswers] = useState<Record<string, string>>();
  useEffect(() => {
    if (mine.data && !answers) {
      setAnswers(
        Object.fromEntries(
          mine.data.answers.map((a) => {
            const given = a as { questionId: string; step?: string; text?: string };
            return [given.questionId, given.step ?? given.text ?? ''];
          }),
        ),
      );
    }
  }, [mine.data, answers]);
  const answered = mine.data ? mine.data.status !== 'not-answered' : false;
  const send = useMutation({
    mutationFn: () => {
      const questions = s.data?.questions ?? [];
      const body = {
        answers: questions
          .filter((q) => (answers?.[q.questionId] ?? '').trim() !== '')
          .map((q) =>
            q.kind === 'scale'
              ? { questionId: q.questionId, step: answers?.[q.questionId] }
              : { questionId: q.questionId, text: answers?.[q.questionId]?.trim() },
          ),
      };
      return answerSurvey(surveyId, body, answered);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['survey-answer', surveyId] }),
  });
  const errors = questionErrorsOf(send.error);
  const steps = s.data?.scale?.steps ?? [];
  const open = s.data?.status === 'open';
  return (
    <Page title={s.data?.title ?? 'Befragung'}>
      <BackLink to="/befragungen">Befragungen</BackLink>
      <ProblemMessage error={s.error ?? mine.error} />
      {(s.isPending || mine.isPending) && <Loading what="Die Befragung" />}
      {s.data && answers && (
        <>
          <p>
            Status: {SURVEY_STATUS[s.data.status] ?? s.data.status}
            {mine.data?.submittedAt ? ` · Ihre Antwort vom ${dateTime(mine.data.submittedAt)}` : ''}
            {mine.data?.revisedAt ? `, überarbeitet am ${dateTime(mine.data.revisedAt)}` : ''}
          </p>
          {send.isSuccess && <Notice>Ihre Antworten sind gespeichert.</Notice>}
          <ProblemMessage error={send.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            {s.data.questions.map((q) => {
              const errorId = `frage-${q.questionId}-fehler`;
              const error = errors[q.questionId];
              if (q.kind === 'text')
                return (
                  <Field
                    key={q.questionId}
                    label={`${q.text}${q.optional ? ' (freiwillig)' : ''}`}
                    errors={error ? [error] : undefined}
                  >
                    {(props) => (
                      <textarea
                        {...props}
                        value={answers[q.questionId] ?? ''}
                        disabled={!open}
                        onChange={(e) => setAnswers({ ...answers, [q.questionId]: e.target.value })}
                      />
                    )}
                  </Field>
                );
              return (
                <fieldset
                  key={q.questionId}
                  className={error ? 'field-invalid' : undefined}
                  {...(error ? { 'aria-describedby': errorId } : {})}
                >
                  <legend>
                    {q.text}
                    {q.optional ? ' (freiwillig)' : ''}
                  </legend>
                  {error && (
                    <p id={errorId} className="field-error">
                      {error}
                    </p>
                  )}
                  {steps.length === 0 && <p>Die Stufen dieser Skala sind nicht bekannt.</p>}
                  {steps.map((step) => (
                    <div key={step.stepId} className="radio">
                      <input
                        type="radio"
                        id={`frage-${q.questionId}-${step.stepId}`}
                        name={`frage-${q.questionId}`}
                        value={step.stepId}
                        checked={answers[q.questionId] === step.stepId}
                        disabled={!open}
                        onChange={() => setAnswers({ ...answers, [q.questionId]: step.stepId })}
                      />
                      <label htmlFor={`frage-${q.questionId}-${step.stepId}`}>{step.label}</label>
                    </div>
                  ))}
                </fieldset>
              );
            })}
            {open && (
              <div className="actions">
                <button type="submit" className="primary" disabled={send.isPending}>
                  {answered ? 'Antworten überarbeiten' : 'Antworten absenden'}
                </button>
              </div>
            )}
          </form>
        </>
      )}
    </Page>
  );
}
