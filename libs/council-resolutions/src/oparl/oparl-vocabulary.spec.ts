import { readConsultationRole, readResult } from './oparl-vocabulary';

describe('reading German council results', () => {
  it.each([
    ['ungeändert beschlossen', 'approved'],
    ['Unverändert beschlossen', 'approved'],
    ['einstimmig beschlossen', 'approved'],
    ['mehrheitlich angenommen', 'approved'],
    ['Beschlossen.', 'approved'],
    ['Zustimmung', 'approved'],
    ['wie vorgeschlagen beschlossen', 'approved'],
    ['geändert beschlossen', 'amended'],
    ['Geändert beschlossen', 'amended'],
    ['mit Änderungen beschlossen', 'amended'],
    ['in geänderter Fassung beschlossen', 'amended'],
    ['Änderung', 'amended'],
    ['abgelehnt', 'rejected'],
    ['mehrheitlich abgelehnt', 'rejected'],
    ['Ablehnung', 'rejected'],
    ['nicht beschlossen', 'rejected'],
    ['zur Kenntnis genommen', 'noted'],
    ['Kenntnisnahme', 'noted'],
    ['Anhörung vollzogen', 'hearing-done'],
    ['angehört', 'hearing-done'],
  ])('reads "%s" as %s', (text, result) => {
    expect(readResult(text)).toEqual({ kind: 'result', result });
  });

  it.each([
    ['Z', 'approved'],
    ['A', 'rejected'],
    ['Ä', 'amended'],
    ['AV', 'hearing-done'],
    ['K', 'noted'],
  ])('reads the legend letter %s of the paper form as %s', (text, result) => {
    expect(readResult(text)).toEqual({ kind: 'result', result });
  });

  it.each([
    'vertagt',
    'zurückgestellt',
    'zurückgezogen',
    'in den Fachausschuss verwiesen',
    'einstimmig empfohlen',
  ])('knows "%s" is no decision', (text) => {
    expect(readResult(text)).toEqual({ kind: 'not-final' });
  });

  it.each([
    '',
    '   ',
    'erledigt',
    'teilweise abgelehnt, im Übrigen beschlossen',
    'zur Kenntnis genommen und beschlossen',
    'approved',
    'a',
  ])('refuses to guess at "%s"', (text) => {
    expect(readResult(text)).toEqual({ kind: 'unreadable' });
  });

  it('does not mistake "ungeändert" for a change', () => {
    expect(readResult('UNGEÄNDERT BESCHLOSSEN')).toEqual({ kind: 'result', result: 'approved' });
  });
});

describe('reading consultation roles', () => {
  it.each([
    ['Anhörung', 'hearing'],
    ['Kenntnisnahme', 'notice'],
    ['zur Kenntnis', 'notice'],
    ['Vorberatung', 'preliminary'],
    ['Beratung', 'preliminary'],
    ['Vorberatung und Beschlussempfehlung', 'preliminary'],
    ['Beschlussfassung', 'decision'],
    ['Beratung und Beschlussfassung', 'decision'],
    ['Entscheidung', 'decision'],
    ['B', 'decision'],
    ['V', 'preliminary'],
  ])('reads "%s" as %s', (role, stage) => {
    expect(readConsultationRole(role)).toBe(stage);
  });

  it.each(['Anhörung und Kenntnisnahme', 'Mitzeichnung', ''])('refuses to guess at "%s"', (role) => {
    expect(readConsultationRole(role)).toBeUndefined();
  });
});
