import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../api/client';
import {
  confirmMembership,
  declineMembership,
  invitations,
  notificationSettings,
  saveNotificationSettings,
} from '../api/municipality';
import { usePerson } from '../auth';
import { dateTime } from '../format';
import { Badge, Field, Loading, Notice, Page, ProblemMessage } from '../ui';

export const INVITATION_STATUS: Record<string, string> = {
  invited: 'eingeladen – Antwort offen',
  confirmed: 'bestätigt',
  declined: 'abgelehnt',
  left: 'ausgetreten',
  withdrawn: 'zurückgezogen',
  lapsed: 'verfallen',
};

/** Invitations to joint applications: the invited municipality confirms or declines each. */
export function InvitationsPage() {
  const person = usePerson();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['invitations'], queryFn: invitations });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const answer = useMutation({
    mutationFn: async ({ applicationId, confirm }: { applicationId: string; confirm: boolean }) => {
      const ags = person.ags ?? '';
      if (confirm) await confirmMembership(applicationId, ags);
      else await declineMembership(applicationId, ags, reasons[applicationId] ?? '');
      return confirm;
    },
    onSuccess: async (confirmed) => {
      setDone(confirmed ? 'Sie haben die Mitgliedschaft bestätigt.' : 'Sie haben die Einladung abgelehnt.');
      await client.invalidateQueries({ queryKey: ['invitations'] });
    },
    onError: () => setDone(undefined),
  });
  const mine = (list.data?.items ?? []).filter((i) => i.municipality.ags === person.ags);
  return (
    <Page title="Einladungen zu gemeinsamen Bewerbungen">
      <ProblemMessage error={list.error ?? answer.error} />
      {done && <Notice>{done}</Notice>}
      {list.isPending && <Loading what="Einladungen" />}
      {list.data && mine.length === 0 && <p>Keine Einladungen.</p>}
      <ul className="cards">
        {mine.map((i) => (
          <li key={i.applicationId}>
            <h2>
              {i.lead.name}: {i.motto ? `„${i.motto}“` : 'gemeinsame Interessenbekundung'}
            </h2>
            <p className="muted">
              Eingeladen {dateTime(i.invitedAt)} ·{' '}
              <Badge tone={i.status === 'confirmed' ? 'ok' : i.status === 'invited' ? 'warn' : 'neutral'}>
                {INVITATION_STATUS[i.status] ?? i.status}
              </Badge>
              {i.answeredAt ? ` am ${dateTime(i.answeredAt)}` : ''}
            </p>
            {i.status === 'invited' && i.applicationStatus === 'draft' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  answer.mutate({ applicationId: i.applicationId, confirm: true });
                }}
              >
                <Field label={`Begründung einer Ablehnung (freiwillig, für ${i.lead.name})`}>
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      value={reasons[i.applicationId] ?? ''}
                      onChange={(e) => setReasons({ ...reasons, [i.applicationId]: e.target.value })}
                    />
                  )}
                </Field>
                <div className="actions">
                  <button type="submit" className="primary" disabled={answer.isPending}>
                    Mitgliedschaft bestätigen
                  </button>
                  <button
                    type="button"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ applicationId: i.applicationId, confirm: false })}
                  >
                    Einladung ablehnen
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** How the municipality is told of its deadlines: e-mail, webhook, and the calendar feed. */
export function NotificationSettingsPage() {
  const person = usePerson();
  const ags = person.ags ?? '';
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['notification-settings', ags],
    queryFn: () => notificationSettings(ags),
    retry: false,
  });
  const none = settings.error instanceof ApiProblem && settings.error.status === 404;
  const [email, setEmail] = useState<string>();
  const [webhookUrl, setWebhookUrl] = useState<string>();
  const [rotateCalendar, setRotateCalendar] = useState(false);
  const [secret, setSecret] = useState<string>();
  useEffect(() => {
    if (settings.data && email === undefined) {
      setEmail(settings.data.email ?? '');
      setWebhookUrl(settings.data.webhookUrl ?? '');
    }
    if (none && email === undefined) {
      setEmail('');
      setWebhookUrl('');
    }
  }, [settings.data, none, email]);
  const save = useMutation({
    mutationFn: () =>
      saveNotificationSettings(ags, {
        ...(email?.trim() ? { email: email.trim() } : {}),
        ...(webhookUrl?.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
        ...(rotateCalendar ? { rotateCalendarToken: true } : {}),
      }),
    onSuccess: async (saved) => {
      setSecret((saved as { webhookSecret?: string }).webhookSecret);
      setRotateCalendar(false);
      await client.invalidateQueries({ queryKey: ['notification-settings'] });
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {};
  const calendar = settings.data?.calendarUrl
    ? new URL(settings.data.calendarUrl, window.location.origin).toString()
    : undefined;
  return (
    <Page title="Benachrichtigungen">
      <ProblemMessage error={none ? undefined : settings.error} />
      {settings.isPending && <Loading what="Die Einstellungen" />}
      {save.isSuccess && <Notice>Die Einstellungen sind gespeichert.</Notice>}
      {secret && (
        <Notice>
          Neues Webhook-Geheimnis (nur jetzt sichtbar): <code>{secret}</code>
        </Notice>
      )}
      <ProblemMessage error={save.error} />
      {email !== undefined && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Field
            label="E-Mail-Adresse für Erinnerungen"
            errors={errors.email}
            hint="Leer lassen: keine E-Mails, nur der Posteingang"
          >
            {(props) => (
              <input {...props} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field label="Webhook-Adresse (freiwillig)" errors={errors.webhookUrl} hint="https://…">
            {(props) => (
              <input
                {...props}
                type="url"
                value={webhookUrl}
                onChange={(e) => setWebhookUrl(e.target.value)}
              />
            )}
          </Field>
          <div className="radio">
            <input
              id="kalender-neu"
              type="checkbox"
              checked={rotateCalendar}
              onChange={(e) => setRotateCalendar(e.target.checked)}
            />
            <label htmlFor="kalender-neu">
              Neue Kalender-Adresse ausstellen (die bisherige wird ungültig)
            </label>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>
              Einstellungen speichern
            </button>
          </div>
        </form>
      )}
      {calendar && (
        <p>
          Kalender-Abonnement (iCal): <a href={calendar}>Fristen im eigenen Kalender abonnieren</a> ·{' '}
          <Link to="/fristen?ansicht=kalender">Fristen als Monatskalender</Link>
        </p>
      )}
    </Page>
  );
}
