import {
  ExpenditureTotalMismatch,
  FinancingFormNotApplicable,
  FinancingShareExceeded,
  FinancingSourceTwice,
  FinancingSourceUnknown,
  InvalidReportFigures,
} from './errors';
import { assertSharesWithinNotice, expenditureOf, type ReportSource } from './report-rules';

const DBL = ['bund', 'land', 'own'];
const KKZ = ['esf', 'land', 'own'];
const DBL_SOURCES: ReportSource[] = [
  { sourceId: 'bund', name: 'Bund', capped: true },
  { sourceId: 'land', name: 'Land NRW', capped: true },
  { sourceId: 'own', name: 'Eigenmittel', capped: false },
];

describe("a report's expenditure per source of the notice", () => {
  it("is recorded one entry per source, in the notice's order, a source left out with 0", () =>
    expect(
      expenditureOf(
        {
          expenditure: [
            { sourceId: 'own', cents: 400_000 },
            { sourceId: 'bund', cents: 1_000_000 },
          ],
        },
        DBL,
      ),
    ).toEqual([
      { sourceId: 'bund', cents: 1_000_000 },
      { sourceId: 'land', cents: 0 },
      { sourceId: 'own', cents: 400_000 },
    ]));

  it('is nothing when the request states none', () => expect(expenditureOf({}, DBL)).toBeUndefined());

  it('reads the deprecated v1 object as esf, land and own for a grant with those sources, its total checked', () => {
    expect(
      expenditureOf({ expenditure: { esfCents: 3, landCents: 2, ownCents: 1, totalCents: 6 } }, KKZ),
    ).toEqual([
      { sourceId: 'esf', cents: 3 },
      { sourceId: 'land', cents: 2 },
      { sourceId: 'own', cents: 1 },
    ]);
    expect(() =>
      expenditureOf({ expenditure: { esfCents: 3, landCents: 2, ownCents: 1, totalCents: 7 } }, KKZ),
    ).toThrow(ExpenditureTotalMismatch);
  });

  it('refuses the v1 object for a grant whose sources are others, naming them', () => {
    const refusal = catchOf(() =>
      expenditureOf({ expenditure: { esfCents: 0, landCents: 2, ownCents: 1 } }, DBL),
    );
    expect(refusal).toBeInstanceOf(FinancingFormNotApplicable);
    expect(refusal).toMatchObject({ code: 'financing-form-not-applicable', details: { sources: DBL } });
  });

  it('refuses a source the notice does not name, in German with the sources it names', () => {
    const refusal = catchOf(() => expenditureOf({ expenditure: [{ sourceId: 'esf', cents: 1 }] }, DBL));
    expect(refusal).toBeInstanceOf(FinancingSourceUnknown);
    expect(refusal).toMatchObject({
      code: 'financing-source-unknown',
      details: { sourceId: 'esf', sources: DBL },
    });
    expect((refusal as FinancingSourceUnknown).texts.de).toBe(
      '„esf“ ist keine Finanzierungsquelle dieser Zuwendung; berichtet wird je Quelle des Zuwendungsbescheids: „bund“, „land“, „own“.',
    );
  });

  it('refuses a source named twice and amounts that are not whole cents from 0', () => {
    expect(() =>
      expenditureOf(
        {
          expenditure: [
            { sourceId: 'land', cents: 1 },
            { sourceId: 'land', cents: 2 },
          ],
        },
        DBL,
      ),
    ).toThrow(FinancingSourceTwice);
    const refusal = catchOf(() =>
      expenditureOf(
        {
          expenditure: [
            { sourceId: 'bund', cents: 1.5 },
            { sourceId: 'own', cents: -1 },
          ],
        },
        DBL,
      ),
    );
    expect(refusal).toBeInstanceOf(InvalidReportFigures);
    expect(refusal).toMatchObject({ details: { fields: ['expenditure.0.cents', 'expenditure.1.cents'] } });
  });
});

describe("a report's shares of a programme without ESF", () => {
  const notice = [
    { sourceId: 'bund', cents: 7_500_000 },
    { sourceId: 'land', cents: 4_500_000 },
    { sourceId: 'own', cents: 3_000_000 },
  ];

  it("stay within the notice's shares of its grant sources; own funds may exceed theirs", () => {
    expect(() =>
      assertSharesWithinNotice(
        [
          { sourceId: 'bund', cents: 500_000 },
          { sourceId: 'land', cents: 300_000 },
          { sourceId: 'own', cents: 1_200_000 },
        ],
        notice,
        DBL_SOURCES,
      ),
    ).not.toThrow();
    const refusal = catchOf(() =>
      assertSharesWithinNotice(
        [
          { sourceId: 'bund', cents: 500_001 },
          { sourceId: 'land', cents: 300_000 },
          { sourceId: 'own', cents: 199_999 },
        ],
        notice,
        DBL_SOURCES,
      ),
    );
    expect(refusal).toBeInstanceOf(FinancingShareExceeded);
    expect(refusal).toMatchObject({ code: 'financing-share-exceeded', details: { source: 'bund' } });
    expect((refusal as FinancingShareExceeded).texts.de).toMatch(/^Der Anteil der Quelle „Bund“ im Bericht/);
  });
});

function catchOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}
