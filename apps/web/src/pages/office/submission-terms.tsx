import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { correctSubmissionTerms } from '../../api/office';
import { programmeTerms } from '../../api/programmes';
import { date, dateTime } from '../../format';
import { Field, Notice, ProblemMessage } from '../../ui';

interface Applied {
  version: number;
  effectiveFrom: string | null;
}

/** "Fassung 2 „Förderbedingungen 2026“ (gültig ab 01.02.2026)"; version 0: the call's own terms. */
function versionName(applied: Applied, labels: Map<number, string | undefined>): string {
  if (applied.version === 0) return 'die Bedingungen des Aufrufs (vor versionierten Förderbedingungen)';
  const label = labels.get(applied.version);
  return `Fassung ${applied.version}${label ? ` „${label}“` : ''} (gültig ab ${date(applied.effectiveFrom ?? undefined)})`;
}

/**
 * The terms a submission is decided under, its corrections, and the office's correction: another
 * version of the programme's terms, with the reason the record keeps.
 */
export function SubmissionTerms({
  applicationId,
  programmeId,
  rules,
  corrections,
}: {
  applicationId: string;
  programmeId: string;
  rules: Applied;
  corrections: { from: Applied; to: Applied; reason: string; correctedAt: string }[];
}) {
  const client = useQueryClient();
  const versions = useQuery({
    queryKey: ['programme-terms', programmeId],
    queryFn: () => programmeTerms(programmeId),
  });
  const labels = new Map((versions.data?.items ?? []).map((v) => [v.version, v.label]));
  const others = (versions.data?.items ?? []).filter((v) => v.version !== rules.version);
  const [version, setVersion] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const [open, setOpen] = useState(false);
  const correct = useMutation({
    mutationFn: () => correctSubmissionTerms(applicationId, { version: Number(version), reason }),
    onSuccess: () => {
      setDone(true);
      setOpen(false);
      setReason('');
      setVersion('');
      return client.invalidateQueries({ queryKey: ['eoi', applicationId] });
    },
  });
  return (
    <section aria-labelledby="foerderbedingungen">
      <h2 id="foerderbedingungen">Förderbedingungen</h2>
      <p>Entschieden wird nach {versionName(rules, labels)}.</p>
      {corrections.length > 0 && (
        <ul>
          {corrections.map((c) => (
            <li key={c.correctedAt}>
              Berichtigt am {dateTime(c.correctedAt)}: von {versionName(c.from, labels)} auf{' '}
              {versionName(c.to, labels)}. Begründung: {c.reason}
            </li>
          ))}
        </ul>
      )}
      {done && <Notice>Die Berichtigung ist erfasst.</Notice>}
      <ProblemMessage error={correct.error} />
      {others.length > 0 && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Förderbedingungen berichtigen</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setDone(false);
              correct.mutate();
            }}
          >
            <Field label="Maßgebliche Fassung">
              {(props) => (
                <select {...props} required value={version} onChange={(e) => setVersion(e.target.value)}>
                  <option value="">Bitte wählen</option>
                  {others.map((v) => (
                    <option key={v.version} value={v.version}>
                      {versionName(v, labels)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Begründung der Berichtigung"
              hint="Sie bleibt in der Akte: Warum gilt für diese Einreichung eine andere Fassung?"
            >
              {(props) => (
                <textarea {...props} required value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </Field>
            <button type="submit" disabled={correct.isPending}>
              Berichtigung erfassen
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
