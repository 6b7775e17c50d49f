import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf } from '../../api/client';
import { type Grant, revocationPreview, type RevocationPreviewQuery, revokeGrant } from '../../api/office';
import { centsOf } from '../../components/forms';
import { date, euroCents } from '../../format';
import { Field, Notice, ProblemMessage } from '../../ui';

/**
 * Widerruf in two steps: the office first sees what the revocation would set (refund, interest
 * per segment, computed by the API with the command's own decision), then confirms with a reason.
 */
export function RevocationForm({ g }: { g: Grant }) {
  const client = useQueryClient();
  const [scope, setScope] = useState<'full' | 'partial'>('partial');
  const [amount, setAmount] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [refundDueDate, setRefundDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const query = (): RevocationPreviewQuery => ({
    scope,
    ...(scope === 'partial' && centsOf(amount) !== undefined ? { revokedCents: centsOf(amount) } : {}),
    effectiveDate,
    refundDueDate,
  });
  const preview = useMutation({ mutationFn: () => revocationPreview(g.grantId, query()) });
  const revoke = useMutation({
    mutationFn: () => revokeGrant(g.grantId, { ...query(), reason: reason.trim() }),
    onSuccess: (answer) => {
      setDone(
        `Der Widerruf ist erfasst: ${euroCents(answer.refundCents)} zu erstatten, Zinsen ${euroCents(answer.interestCents)}.`,
      );
      preview.reset();
      void client.invalidateQueries({ queryKey: ['grant', g.grantId] });
    },
  });
  if (g.status === 'revoked')
    return (
      <>
        <h2>Widerruf</h2>
        <p>Die Zuwendung ist vollständig widerrufen.</p>
      </>
    );
  const errorsOf = (field: string) =>
    fieldErrorsOf(preview.error, field) ?? fieldErrorsOf(revoke.error, field);
  const p = preview.data;
  return (
    <>
      <h2>Widerruf</h2>
      {done && <Notice>{done}</Notice>}
      {g.revocations.length > 0 && (
        <ul>
          {g.revocations.map((r) => (
            <li key={r.revokedAt}>
              {r.scope === 'full' ? 'Vollständig' : 'Teilweise'} widerrufen zum {date(r.effectiveDate)}:{' '}
              {euroCents(r.revokedCents)}; zu erstatten {euroCents(r.refundCents)} bis {date(r.refundDueDate)}
              , Zinsen {euroCents(r.interest.totalCents)} – {r.reason}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          revoke.reset();
          preview.mutate();
        }}
      >
        <fieldset>
          <legend>Umfang</legend>
          {(['partial', 'full'] as const).map((s) => (
            <div className="radio" key={s}>
              <input
                type="radio"
                id={`widerruf-${s}`}
                name="umfang"
                checked={scope === s}
                onChange={() => (setScope(s), preview.reset())}
              />
              <label htmlFor={`widerruf-${s}`}>{s === 'partial' ? 'teilweise' : 'vollständig'}</label>
            </div>
          ))}
        </fieldset>
        {scope === 'partial' && (
          <Field label="Widerrufener Betrag in Euro" errors={errorsOf('revokedCents')}>
            {(props) => (
              <input
                type="text"
                inputMode="decimal"
                {...props}
                value={amount}
                onChange={(e) => (setAmount(e.target.value), preview.reset())}
              />
            )}
          </Field>
        )}
        <div className="row">
          <Field label="Wirksam ab" errors={errorsOf('effectiveDate')}>
            {(props) => (
              <input
                type="date"
                required
                {...props}
                value={effectiveDate}
                onChange={(e) => (setEffectiveDate(e.target.value), preview.reset())}
              />
            )}
          </Field>
          <Field label="Erstattung fällig am" errors={errorsOf('refundDueDate')}>
            {(props) => (
              <input
                type="date"
                required
                {...props}
                value={refundDueDate}
                onChange={(e) => (setRefundDueDate(e.target.value), preview.reset())}
              />
            )}
          </Field>
        </div>
        <ProblemMessage error={preview.error} />
        <button type="submit" disabled={preview.isPending}>
          Erstattung und Zinsen berechnen
        </button>
      </form>
      {p && (
        <section aria-labelledby="widerruf-vorschau">
          <h3 id="widerruf-vorschau">Vor der Bestätigung: was der Widerruf festsetzt</h3>
          <dl className="facts">
            <dt>Widerrufen</dt>
            <dd>{euroCents(p.revokedCents)}</dd>
            <dt>Verbleibender Anspruch</dt>
            <dd>{euroCents(p.entitlementCents)}</dd>
            <dt>Zu erstatten</dt>
            <dd>{euroCents(p.refundCents)}</dd>
            <dt>Zinsen bis {date(refundDueDate)}</dt>
            <dd>
              {euroCents(p.interest.totalCents)} ({p.interest.pointsAboveBaseRate} Prozentpunkte über dem
              Basiszinssatz)
            </dd>
          </dl>
          {p.interest.portions.map((portion) => (
            <table key={portion.disbursementId}>
              <caption>
                Zinsen auf {euroCents(portion.principalCents)}, gezahlt am {date(portion.paidOn)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Zeitraum</th>
                  <th scope="col" className="num">
                    Tage
                  </th>
                  <th scope="col" className="num">
                    Zinssatz
                  </th>
                  <th scope="col" className="num">
                    Zinsen
                  </th>
                </tr>
              </thead>
              <tbody>
                {portion.segments.map((s) => (
                  <tr key={s.from}>
                    <td>
                      {date(s.from)} – {date(s.to)}
                    </td>
                    <td className="num">{s.days}</td>
                    <td className="num">{s.ratePercent.toLocaleString('de-DE')} %</td>
                    <td className="num">{euroCents(s.interestCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              revoke.mutate();
            }}
          >
            <Field label="Begründung des Widerrufs" errors={errorsOf('reason')}>
              {(props) => (
                <textarea required {...props} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </Field>
            <ProblemMessage error={revoke.error} />
            <button type="submit" className="primary" disabled={revoke.isPending}>
              Widerruf bestätigen
            </button>
          </form>
        </section>
      )}
    </>
  );
}
