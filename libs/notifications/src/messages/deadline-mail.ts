import type { DeadlineNotice } from './deadline-message';

/** Where a recipient goes from an e-mail: the record, the inbox and its calendar feed (absolute URLs). */
export interface MailLinks {
  record?: string;
  inbox?: string;
  calendar?: string;
}

export interface DeadlineMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The links of a notice from PUBLIC_BASE_URL: none without it (a relative link in an e-mail leads
 * nowhere). The calendar link carries the municipality's secret feed token, as the settings show it.
 */
export function mailLinks(
  publicBaseUrl: string | undefined,
  notice: DeadlineNotice,
  calendar?: { ags: string; token: string },
): MailLinks {
  if (!publicBaseUrl) return {};
  return {
    record: `${publicBaseUrl}/deadlines/${encodeURIComponent(notice.deadline.deadlineId)}`,
    inbox: `${publicBaseUrl}/inbox`,
    ...(calendar
      ? { calendar: `${publicBaseUrl}/calendar/${calendar.ags}/${encodeURIComponent(calendar.token)}.ics` }
      : {}),
  };
}

const LINK_LABELS: [keyof MailLinks, string][] = [
  ['record', 'Frist ansehen'],
  ['inbox', 'Zum Posteingang'],
  ['calendar', 'Fristenkalender abonnieren'],
];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * A deadline notice as an e-mail: the same words as inbox and webhook, as plain text and as
 * HTML (German, `lang="de"`), with the links below. The deadline itself travels as an .ics
 * attachment (see deadlineInvitation).
 */
export function deadlineMail(notice: DeadlineNotice, links: MailLinks = {}): DeadlineMail {
  const present = LINK_LABELS.filter(([key]) => links[key]);
  const text = [
    notice.text,
    ...(present.length > 0 ? ['', ...present.map(([key, label]) => `${label}: ${links[key]}`)] : []),
    '',
    'Der Termin liegt als Kalendereintrag (.ics) bei.',
  ].join('\n');
  const paragraphs = notice.text
    .split(/\n{2,}/)
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>\n')}</p>`);
  const list =
    present.length > 0
      ? [
          '<ul>',
          ...present.map(
            ([key, label]) =>
              `<li><a href="${escapeHtml(links[key] as string)}">${escapeHtml(label)}</a></li>`,
          ),
          '</ul>',
        ]
      : [];
  const html = [
    '<!DOCTYPE html>',
    '<html lang="de">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(notice.headline) + '</title></head>',
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1b1b1b;">',
    `<h1 style="font-size: 18px;">${escapeHtml(notice.headline)}</h1>`,
    ...paragraphs,
    ...list,
    '<p style="color: #555;">Der Termin liegt als Kalendereintrag (.ics) bei.</p>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject: notice.headline, text, html };
}
