import { kreisUnnaOparl, UNNA_PROPOSAL } from '../testing-fixtures';
import * as errors from './oparl-errors';
import { type OparlDocuments, readOparlResolution } from './oparl-resolution';

type Documents = ReturnType<typeof kreisUnnaOparl>;

function refusal(documents: OparlDocuments): { code?: string; details?: Record<string, unknown> } {
  try {
    readOparlResolution(documents);
  } catch (error) {
    return error as { code: string; details?: Record<string, unknown> };
  }
  throw new Error('the documents were read, but a refusal was expected');
}

function changed(change: (d: Documents) => void): Documents {
  const documents = structuredClone(kreisUnnaOparl());
  change(documents);
  return documents;
}

const decisive = (d: Documents) => d.consultations[1];

describe('reading a resolution from OParl 1.1', () => {
  it("reads Kreis Unna's Kreistag resolution with its consultation sequence", () => {
    expect(readOparlResolution(kreisUnnaOparl())).toEqual({
      paper: {
        reference: 'DS 018/12',
        type: 'Beschlussvorlage',
        title:
          'Modellvorhaben „Kein Kind zurücklassen – Kommunen in NRW beugen vor“: Verbundbewerbung „Brücken für Familien“',
        date: '2012-01-24',
      },
      consultations: [
        { committee: 'Jugendhilfeausschuss', stage: 'preliminary', date: '2012-02-07' },
        { committee: 'Kreisausschuss', stage: 'preliminary', date: '2012-02-14' },
        { committee: 'Kreistag', stage: 'decision', date: '2012-02-28', result: 'approved' },
      ],
      result: 'approved',
      resultDate: '2012-02-28',
      source: {
        kind: 'oparl',
        paperId: 'https://oparl.kreis-unna.example/oparl/bodies/1/papers/4711',
        agendaItemId: 'https://oparl.kreis-unna.example/oparl/bodies/1/agendaitems/3031',
        rawResult: 'ungeändert beschlossen',
        resolutionText: UNNA_PROPOSAL,
      },
    });
  });

  it('reads the consultations embedded in the paper when none are sent separately', () => {
    const documents = changed((d) => {
      d.paper.consultation = d.consultations;
      d.consultations = [];
    });
    expect(readOparlResolution(documents).consultations.map((c) => c.committee)).toEqual([
      'Jugendhilfeausschuss',
      'Kreisausschuss',
      'Kreistag',
    ]);
  });

  it('dates the decision by the Berlin calendar day of the agenda item, whatever offset it is written in', () => {
    const late = changed((d) => (d.agendaItem.start = '2012-02-28T23:30:00Z'));
    expect(readOparlResolution(late).resultDate).toBe('2012-02-29'); // 00:30 in Berlin
    const local = changed((d) => (d.agendaItem.start = '2012-02-28T18:00:00'));
    expect(readOparlResolution(local).resultDate).toBe('2012-02-28');
    const compact = changed((d) => (d.agendaItem.start = '2012-02-28T15:40:00+0100'));
    expect(readOparlResolution(compact).resultDate).toBe('2012-02-28');
  });

  it("falls back to the meeting's start when the agenda item has none", () => {
    const documents = changed((d) => delete d.agendaItem.start);
    expect(readOparlResolution(documents).resultDate).toBe('2012-02-28');
  });

  it('names a committee by its URL when its organization was not sent', () => {
    const documents = changed((d) => delete d.organizations);
    expect(readOparlResolution(documents).consultations[2].committee).toBe(
      'https://oparl.kreis-unna.example/oparl/bodies/1/organizations/kt',
    );
  });

  it('reads roles of the other consultations, and never lets a non-authoritative one decide', () => {
    const documents = changed((d) => {
      d.consultations[0].role = 'Beschlussfassung';
      d.consultations[2].role = 'Anhörung';
    });
    expect(readOparlResolution(documents).consultations.map((c) => c.stage)).toEqual([
      'hearing',
      'preliminary',
      'decision',
    ]);
    const roleless = changed((d) => delete d.consultations[0].role);
    expect(readOparlResolution(roleless).consultations[1].stage).toBe('preliminary');
  });

  it('reads OParl 1.0 type URIs too', () => {
    const documents = changed((d) => (d.paper.type = 'https://schema.oparl.org/1.0/Paper'));
    expect(readOparlResolution(documents).paper.reference).toBe('DS 018/12');
  });

  it('keeps an amended result with the text actually resolved', () => {
    const documents = changed((d) => {
      d.agendaItem.result = 'geändert beschlossen';
      d.agendaItem.resolutionText = 'Der Kreis Unna beteiligt sich … (geänderte Fassung)';
    });
    const read = readOparlResolution(documents);
    expect(read.result).toBe('amended');
    expect(read.source).toMatchObject({
      rawResult: 'geändert beschlossen',
      resolutionText: 'Der Kreis Unna beteiligt sich … (geänderte Fassung)',
    });
  });
});

describe('refusing what OParl documents do not say', () => {
  it.each<[string, (d: Documents) => void]>([
    ['oparl-object-missing', (d) => ((d as { paper: unknown }).paper = null)],
    ['oparl-object-missing', (d) => ((d as { agendaItem: unknown }).agendaItem = ['x'])],
    ['oparl-type-unexpected', (d) => (d.paper.type = 'https://schema.oparl.org/1.1/Meeting')],
    ['oparl-type-unexpected', (d) => (d.paper.type = 'http://oparl.org/schema/1.0/Paper')],
    ['oparl-type-unexpected', (d) => (d.agendaItem.type = undefined)],
    ['oparl-type-unexpected', (d) => (d.consultations[0].type = 'https://schema.oparl.org/2.0/Consultation')],
    ['oparl-id-invalid', (d) => (d.paper.id = 'javascript:alert(1)')],
    ['oparl-id-invalid', (d) => (d.consultations[0].organization = ['not a url'])],
    ['oparl-object-deleted', (d) => (d.paper.deleted = true)],
    ['oparl-paper-reference-missing', (d) => (d.paper.reference = '  ')],
    ['oparl-field-invalid', (d) => (d.paper.reference = 18)],
    ['oparl-field-invalid', (d) => (decisive(d).authoritative = 'true')],
    ['oparl-field-invalid', (d) => ((d as { consultations: unknown }).consultations = { id: 'x' })],
    ['oparl-paper-type-missing', (d) => delete d.paper.paperType],
    ['oparl-date-unreadable', (d) => (d.paper.date = '24.01.2012')],
    ['oparl-date-unreadable', (d) => (d.agendaItem.start = '2012-02-30T15:00:00+01:00')],
    ['oparl-date-unreadable', (d) => (d.agendaItem.start = 1330440000)],
    ['oparl-result-missing', (d) => delete d.agendaItem.result],
    ['oparl-result-not-final', (d) => (d.agendaItem.result = 'vertagt')],
    ['oparl-authoritative-consultation-missing', (d) => (decisive(d).authoritative = false)],
    ['oparl-authoritative-consultation-missing', (d) => (d.consultations = [])],
    ['oparl-authoritative-consultation-ambiguous', (d) => (d.consultations[0].authoritative = true)],
    ['oparl-agenda-item-mismatch', (d) => (decisive(d).agendaItem = d.consultations[0].agendaItem)],
    ['oparl-agenda-item-mismatch', (d) => (d.agendaItem.consultation = d.consultations[0].id)],
    ['oparl-consultation-paper-mismatch', (d) => (d.consultations[0].paper = 'https://ris.example/papers/1')],
    ['oparl-consultation-role-unreadable', (d) => (d.consultations[0].role = 'Mitzeichnung')],
    ['oparl-consultation-undated', (d) => (d.meetings = (d.meetings as unknown[]).slice(1))],
    [
      'oparl-result-date-missing',
      (d) => {
        delete d.agendaItem.start;
        d.meetings = (d.meetings as unknown[]).slice(0, 2);
      },
    ],
  ])('refuses with %s', (code, change) => {
    expect(refusal(changed(change)).code).toBe(code);
  });

  it('names the unreadable result text in the refusal', () => {
    const refused = refusal(changed((d) => (d.agendaItem.result = 'erledigt durch Verwaltungshandeln')));
    expect(refused).toBeInstanceOf(errors.OparlResultUnreadable);
    expect(refused.code).toBe('oparl-result-unreadable');
    expect(refused.details).toEqual({ result: 'erledigt durch Verwaltungshandeln' });
  });

  it('names both authoritative consultations when they are ambiguous', () => {
    const refused = refusal(changed((d) => (d.consultations[2].authoritative = true)));
    expect(refused.details?.consultations).toEqual([
      'https://oparl.kreis-unna.example/oparl/bodies/1/consultations/9003',
      'https://oparl.kreis-unna.example/oparl/bodies/1/consultations/9001',
    ]);
  });

  it('refuses texts longer than a manual record takes, naming the field and the limit', () => {
    const organizations = (d: Documents) => d.organizations as { name: string }[];
    const cases: [string, number, (d: Documents, text: string) => void][] = [
      ['paper.reference', 100, (d, text) => (d.paper.reference = text)],
      ['paper.paperType', 100, (d, text) => (d.paper.paperType = text)],
      ['paper.name', 500, (d, text) => (d.paper.name = text)],
      ['agendaItem.resolutionText', 20000, (d, text) => (d.agendaItem.resolutionText = text)],
      ['agendaItem.result', 500, (d, text) => (d.agendaItem.result = `beschlossen ${text}`)],
      [
        'consultation https://oparl.kreis-unna.example/oparl/bodies/1/consultations/9003 committee',
        300,
        (d, text) => (organizations(d)[2].name = text),
      ],
    ];
    for (const [field, maxLength, change] of cases) {
      const atLimit = 'x'.repeat(maxLength);
      if (field !== 'agendaItem.result')
        expect(() => readOparlResolution(changed((d) => change(d, atLimit)))).not.toThrow();
      const refused = refusal(changed((d) => change(d, `${atLimit}x`)));
      expect(refused).toBeInstanceOf(errors.OparlFieldTooLong);
      expect({
        code: refused.code,
        field: refused.details?.field,
        maxLength: refused.details?.maxLength,
      }).toEqual({
        code: 'oparl-field-too-long',
        field,
        maxLength,
      });
    }
  });
});
