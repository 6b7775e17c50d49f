import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { evaluations, surveyResults, surveys } from '../api/evaluation';
import type { Schemas } from '../api/client';
import { type Column, DataTable, useTableParams } from '../components/DataTable';
import { date } from '../format';
import { BackLink, Loading, Page, ProblemMessage, SearchForm } from '../ui';

type Evaluation = Schemas['EvaluationView'];
type Survey = Schemas['SurveyOverview'];
type Share = Schemas['Share'];
type QuestionResult = Schemas['SurveyResults']['questions'][number];

const SURVEY_STATUS: Record<string, string> = {
  'not-open-yet': 'noch nicht geöffnet',
  open: 'läuft',
  closed: 'abgeschlossen',
};

const percent = (s: Share) => (s.percent === null ? '–' : `${s.percent} %`);

const EVALUATION_COLUMNS: Column<Evaluation>[] = [
  { key: 'titel', header: 'Evaluation', cell: (e) => e.title, sortValue: (e) => e.title },
  { key: 'kriterien', header: 'Kriterien', cell: (e) => e.criteria.map((c) => c.name).join(', ') },
  { key: 'befragungen', header: 'Befragungen', numeric: true, cell: (e) => e.surveyIds.length },
  {
    key: 'indikatoren',
    header: 'Erfasste Indikatorwerte',
    numeric: true,
    cell: (e) => e.indicatorValuesRecorded,
    sortValue: (e) => e.indicatorValuesRecorded,
  },
  { key: 'angelegt', header: 'Angelegt', cell: (e) => date(e.createdAt), sortValue: (e) => e.createdAt },
];

const SURVEY_COLUMNS: Column<Survey>[] = [
  {
    key: 'titel',
    header: 'Befragung',
    cell: (s) => <Link to={`/auswertung/befragungen/${encodeURIComponent(s.surveyId)}`}>{s.title}</Link>,
    sortValue: (s) => s.title,
  },
  {
    key: 'zeitraum',
    header: 'Zeitraum',
    cell: (s) => `${date(s.window.opensOn)} – ${date(s.window.closesOn)}`,
    sortValue: (s) => s.window.opensOn,
  },
  {
    key: 'stand',
    header: 'Stand',
    cell: (s) => SURVEY_STATUS[s.status] ?? s.status,
    sortValue: (s) => s.status,
  },
  { key: 'fragen', header: 'Fragen', numeric: true, cell: (s) => s.questions.length },
];

/** The evaluator's start: the evaluations and their surveys, each survey's results one click away. */
export function EvaluatorStartPage() {
  const params = useTableParams();
  const surveyParams = useTableParams(50, 'befragungen-');
  const { page, q, limit, set } = params;
  const list = useQuery({ queryKey: ['evaluations', page, q], queryFn: () => evaluations(page, limit, q) });
  const surveyList = useQuery({ queryKey: ['surveys'], queryFn: () => surveys(1, 100) });
  return (
    <Page title="Evaluation">
      <SearchForm
        label="Evaluationen durchsuchen"
        q={q}
        onSearch={(v) => set({ suche: v, seite: undefined })}
      />
      <DataTable
        caption="Evaluationen"
        what="Evaluationen"
        columns={EVALUATION_COLUMNS}
        rows={list.data?.items}
        rowKey={(e) => e.evaluationId}
        params={params}
        paging="server"
        total={list.data?.total}
        pending={list.isPending}
        error={list.error}
        empty="Noch keine Evaluation angelegt."
      />
      <h2>Befragungen</h2>
      <DataTable
        caption="Befragungen"
        what="Befragungen"
        columns={SURVEY_COLUMNS}
        rows={surveyList.data?.items}
        rowKey={(s) => s.surveyId}
        params={surveyParams}
        paging="none"
        pending={surveyList.isPending}
        error={surveyList.error}
        empty="Noch keine Befragung."
      />
    </Page>
  );
}

export function SurveyResultsPage() {
  const { surveyId = '' } = useParams();
  const r = useQuery({ queryKey: ['survey-results', surveyId], queryFn: () => surveyResults(surveyId) });
  const x = r.data;
  return (
    <Page title={x ? `Ergebnisse: ${x.title}` : 'Ergebnisse der Befragung'}>
      <BackLink to="/start">Evaluation</BackLink>
      <ProblemMessage error={r.error} />
      {r.isPending && <Loading what="Die Ergebnisse" />}
      {x && (
        <>
          <dl className="facts">
            <dt>Zeitraum</dt>
            <dd>
              {date(x.window.opensOn)} – {date(x.window.closesOn)} ({SURVEY_STATUS[x.status] ?? x.status})
            </dd>
            <dt>Rücklauf</dt>
            <dd>
              {x.responded} von {x.recipients} ({percent(x.responseRate)})
            </dd>
          </dl>
          {x.questions.map((question) => (
            <section key={question.questionId} aria-labelledby={`frage-${question.questionId}`}>
              <h2 id={`frage-${question.questionId}`}>{question.text}</h2>
              <p>
                {question.criterion ? `Kriterium: ${question.criterionName ?? question.criterion}; ` : ''}
                beantwortet von {question.overall.answered} von {question.overall.asked} (
                {percent(question.overall.responseRate)})
              </p>
              {question.kind === 'scale' && (
                <table>
                  <caption>Antworten auf: {question.text}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Antwort</th>
                      <th scope="col" className="num">
                        Anzahl
                      </th>
                      <th scope="col" className="num">
                        Anteil
                      </th>
                      <th scope="col">Verteilung</th>
                    </tr>
                  </thead>
                  <tbody>
                    {question.overall.steps.map((s) => (
                      <tr key={s.step}>
                        <td>{s.label}</td>
                        <td className="num">{s.count}</td>
                        <td className="num">{percent(s.share)}</td>
                        <td>
                          <span
                            className="bar"
                            style={{ width: `${(s.share.percent ?? 0) / 10}rem` }}
                            aria-hidden="true"
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <ByPhase question={question} />
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

/**
 * Who was asked and who answered, per phase the recipients joined in, each phase by the name the
 * programme's terms give it; nothing where all recipients are in one group (a programme without
 * phases, or everyone in one phase): the overall line says it already.
 */
function ByPhase({ question }: { question: QuestionResult }) {
  if (question.byPhase.length < 2) return null;
  return (
    <table>
      <caption>Nach Phase: {question.text}</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col" className="num">
            Gefragt
          </th>
          <th scope="col" className="num">
            Beantwortet
          </th>
          {question.kind === 'scale' &&
            question.overall.steps.map((s) => (
              <th key={s.step} scope="col" className="num">
                {s.label}
              </th>
            ))}
        </tr>
      </thead>
      <tbody>
        {question.byPhase.map((group) => (
          <tr key={group.phaseId ?? ''}>
            <th scope="row">{group.name}</th>
            <td className="num">{group.asked}</td>
            <td className="num">
              {group.answered} ({percent(group.responseRate)})
            </td>
            {question.kind === 'scale' &&
              group.steps.map((s) => (
                <td key={s.step} className="num">
                  {s.count} ({percent(s.share)})
                </td>
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
