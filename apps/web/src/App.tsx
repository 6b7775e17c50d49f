import { Link, Navigate, NavLink, Outlet, Route, Routes, useNavigate } from 'react-router';
import { RequireSession, roleOf, usePerson, useSignOut } from './auth';
import { ROLE_NAMES } from './format';
import { AuditFindPage, AuditIntegrityPage, AuditRecordPage, AuditStatePage } from './pages/audit';
import { CallsPage, DeadlinesPage, EoiListPage, EoiPage, InboxPage } from './pages/municipality';
import { CouncilResolutionPage } from './pages/municipality-council';
import { MyGrantPage, MyProgrammesPage, ReportPage } from './pages/municipality-grants';
import { InvitationsPage, NotificationSettingsPage } from './pages/municipality-joint';
import { SurveyPage, SurveysPage } from './pages/municipality-survey';
import { EvaluatorStartPage, SurveyResultsPage } from './pages/evaluator';
import {
  AdoptTermsPage,
  CallPage,
  DraftCallPage,
  GrantPage,
  GrantsPage,
  NewProgrammePage,
  ProgrammePage,
  ProgrammesPage,
  SubmissionPage,
  TasksPage,
} from './pages/office';
import { OidcCallbackPage, SignInPage } from './pages/sign-in';
import { setNotice } from './session';
import { Page, PRODUCT_NAME } from './ui';

const NAV: Record<string, { to: string; label: string }[]> = {
  municipality: [
    { to: '/aufrufe', label: 'Offene Aufrufe' },
    { to: '/meine-programme', label: 'Meine Programme' },
    { to: '/interessenbekundungen', label: 'Meine Interessenbekundungen' },
    { to: '/einladungen', label: 'Einladungen' },
    { to: '/fristen', label: 'Meine Fristen' },
    { to: '/posteingang', label: 'Posteingang' },
    { to: '/befragungen', label: 'Befragungen' },
    { to: '/benachrichtigungen', label: 'Benachrichtigungen' },
  ],
  'grants-office': [
    { to: '/aufgaben', label: 'Aufgaben' },
    { to: '/foerderprogramme', label: 'Programme und Aufrufe' },
    { to: '/zuwendungen', label: 'Zuwendungen' },
    { to: '/fristen', label: 'Fristen' },
  ],
  auditor: [
    { to: '/pruefung', label: 'Datensätze' },
    { to: '/pruefung/integritaet', label: 'Integrität und Export' },
  ],
  evaluator: [{ to: '/start', label: 'Evaluationen und Befragungen' }],
};

const HOME: Record<string, string> = {
  municipality: '/aufrufe',
  'grants-office': '/aufgaben',
  auditor: '/pruefung',
  evaluator: '/start',
};

function Shell() {
  const person = usePerson();
  const role = roleOf(person);
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip" href="#inhalt">
        Zum Inhalt springen
      </a>
      <header className="top">
        <div className="brand">
          <Link to="/">{PRODUCT_NAME}</Link>
        </div>
        <nav aria-label="Hauptnavigation">
          <ul>
            {(NAV[role] ?? []).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/pruefung'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {ROLE_NAMES[role] ?? role}
            {person.municipalityName ? `: ${person.municipalityName}` : ''}
          </span>
          <button
            type="button"
            onClick={() => {
              signOut();
              setNotice('Sie haben sich abgemeldet.');
              navigate('/anmelden');
            }}
          >
            Abmelden
          </button>
        </div>
      </header>
      <main id="inhalt">
        <Outlet />
      </main>
    </>
  );
}

function Home() {
  const person = usePerson();
  return <Navigate to={HOME[roleOf(person)] ?? '/start'} replace />;
}

/** The start page of a role without a workspace of its own (the evaluator's is the evaluation). */
function StartPage() {
  const person = usePerson();
  if (roleOf(person) === 'evaluator') return <EvaluatorStartPage />;
  return (
    <Page title="Willkommen">
      <p>Für Ihre Rolle gibt es im Arbeitsbereich noch keine eigenen Seiten.</p>
    </Page>
  );
}

function NotFound() {
  return (
    <Page title="Seite nicht gefunden">
      <p>
        Diese Seite gibt es nicht. <Link to="/">Zur Startseite</Link>
      </p>
    </Page>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/anmelden" element={<SignInPage />} />
      <Route path="/anmeldung/rueckruf" element={<OidcCallbackPage />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="/start" element={<StartPage />} />
        <Route path="/aufrufe" element={<CallsPage />} />
        <Route path="/interessenbekundungen" element={<EoiListPage />} />
        <Route path="/interessenbekundungen/:applicationId" element={<EoiPage />} />
        <Route
          path="/interessenbekundungen/:applicationId/ratsbeschluss"
          element={<CouncilResolutionPage />}
        />
        <Route path="/fristen" element={<DeadlinesPage />} />
        <Route path="/posteingang" element={<InboxPage />} />
        <Route path="/meine-programme" element={<MyProgrammesPage />} />
        <Route path="/meine-zuwendungen/:grantId" element={<MyGrantPage />} />
        <Route path="/berichte/:reportId" element={<ReportPage />} />
        <Route path="/einladungen" element={<InvitationsPage />} />
        <Route path="/benachrichtigungen" element={<NotificationSettingsPage />} />
        <Route path="/befragungen" element={<SurveysPage />} />
        <Route path="/befragungen/:surveyId" element={<SurveyPage />} />
        <Route path="/aufgaben" element={<TasksPage />} />
        <Route path="/auswahl/:applicationId" element={<SubmissionPage />} />
        <Route path="/foerderprogramme" element={<ProgrammesPage />} />
        <Route path="/foerderprogramme/neu" element={<NewProgrammePage />} />
        <Route path="/foerderprogramme/:programmeId" element={<ProgrammePage />} />
        <Route path="/foerderprogramme/:programmeId/bedingungen/neu" element={<AdoptTermsPage />} />
        <Route path="/foerderprogramme/:programmeId/aufrufe/neu" element={<DraftCallPage />} />
        <Route path="/foerderprogramme/:programmeId/aufrufe/:callId" element={<CallPage />} />
        <Route path="/auswertung/befragungen/:surveyId" element={<SurveyResultsPage />} />
        <Route path="/zuwendungen" element={<GrantsPage />} />
        <Route path="/zuwendungen/:grantId" element={<GrantPage />} />
        <Route path="/pruefung" element={<AuditFindPage />} />
        <Route path="/pruefung/datensatz/:streamId" element={<AuditRecordPage />} />
        <Route path="/pruefung/datensatz/:streamId/stand" element={<AuditStatePage />} />
        <Route path="/pruefung/integritaet" element={<AuditIntegrityPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
