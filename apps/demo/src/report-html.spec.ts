import { escapeHtml, formatEur, type ProgrammeReport, renderProgrammeReport } from './report-html';

const report = (breaks = 0): ProgrammeReport => ({
  title: 'Programme <kkz> & "friends"',
  generatedAt: '2018-05-07T10:00:00.000Z',
  headline: [{ label: 'selected', value: '18' }],
  timeline: [{ date: '2011-11-09', label: 'Call published' }],
  fundingByYear: [{ year: 2012, esfCents: 4_900, landCents: 2_400, ownCents: 2_700 }],
  participantsByType: [{ type: 'Kreise', phase1: 3, phase2: 5 }],
  survey: [{ question: 'Netzwerke?', counts: { not: 0, partly: 3, largely: 8, fully: 6 } }],
  integrity: { events: 10, streams: 3, breaks },
});

describe('the programme report page', () => {
  it('escapes every text it shows', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;',
    );
    const html = renderProgrammeReport(report());
    expect(html).toContain('Programme &#60;kkz&#62; &#38; &#34;friends&#34;');
    expect(html).not.toContain('<kkz>');
  });

  it('shows funding, participants, survey, timeline and a verified chain, with no script or external resource', () => {
    const html = renderProgrammeReport(report());
    expect(html).toContain('2012 esf: 49 €');
    expect(html).toContain('3 + 5');
    expect(html).toContain('17 answers');
    expect(html).toContain('<time>2011-11-09</time> Call published');
    expect(html).toContain('Hash chains of all 3 streams verified: 10 events, no break.');
    expect(html).not.toMatch(/<script|src=|href=/);
  });

  it('says so when the chain is broken', () => {
    expect(renderProgrammeReport(report(2))).toContain('2 break(s) found in the hash chains');
  });

  it('formats euros the German way, rounded to whole euros', () => {
    expect(formatEur(251_735_749)).toBe('2.517.357 €');
  });
});
