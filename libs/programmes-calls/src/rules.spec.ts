import { TermsNotInForce } from './errors';
import { TERMS_BUILT_IN_BEFORE_V2 } from './legacy/terms-built-in-before-v2';
import {
  berlinDate,
  reportDueDate,
  termsInForce,
  rulesInForce,
  rulesOfVersion,
  versionInForce,
} from './rules';
import { call2011Terms, completeTerms, phaseOneRules, phaseTwoRules } from './testing-fixtures';

const terms = call2011Terms({
  conditions: { councilResolution: 'not-required', coordinatorRequired: false },
});
const versions = [phaseOneRules(), phaseTwoRules()];

describe('rules in force', () => {
  it('are refused when no version was adopted: terms-not-in-force, never built-in values', () => {
    expect(() => rulesInForce([], terms, '2011-12-01T10:00:00.000Z')).toThrow(TermsNotInForce);
    try {
      rulesInForce([], { ...terms, programmeId: 'digital' }, '2011-12-01T10:00:00.000Z');
    } catch (error) {
      expect((error as InstanceType<typeof TermsNotInForce>).code).toBe('terms-not-in-force');
      expect((error as InstanceType<typeof TermsNotInForce>).text('de')).toBe(
        'Für das Programm digital gelten am 01.12.2011 keine Förderbedingungen; das Förderreferat muss zuerst eine Fassung beschließen, die spätestens an diesem Tag in Kraft tritt.',
      );
    }
  });

  it('are refused before the first version takes effect', () =>
    expect(() => rulesInForce(versions, terms, '2011-10-31T12:00:00.000Z')).toThrow(TermsNotInForce));

  it('are, for programme P on date D, the version in force and its terms, or nothing', () => {
    expect(termsInForce(versions, '2011-10-31')).toBeUndefined();
    expect(termsInForce(versions, '2016-05-31')).toEqual({
      terms: phaseOneRules().rules,
      applied: { version: 1, effectiveFrom: '2011-11-01' },
    });
    expect(termsInForce(versions, '2016-06-01')?.applied.version).toBe(2);
  });

  it('overlay the call terms with the latest version in force: phase I in 2011', () => {
    const { rules, applied } = rulesInForce(versions, terms, '2011-12-15T22:59:59.999Z');
    expect(applied).toEqual({ version: 1, effectiveFrom: '2011-11-01' });
    expect(rules.councilResolution).toBe('may-follow-after-selection');
    expect(rules.coordinatorRequired).toBe(true);
    expect(rules.resolutionFollowUpDays).toBe(90);
    expect(rules.fundingTiers).toEqual(terms.fundingTiers);
  });

  it('apply phase II from its effective date: the resolution is required at application', () => {
    const { rules, applied } = rulesInForce(versions, terms, '2016-10-01T08:00:00.000Z');
    expect(applied).toEqual({ version: 2, effectiveFrom: '2016-06-01' });
    expect(rules.councilResolution).toBe('required-at-submission');
    // Versions are complete in themselves: nothing is inherited from v1.
    expect(rules.resolutionFollowUpDays).toBe(60);
  });

  it('take effect at midnight Berlin time, not UTC', () => {
    // 2016-05-31T22:30Z is already 1 June in Berlin (summer time, UTC+2).
    expect(rulesInForce(versions, terms, '2016-05-31T22:30:00.000Z').applied.version).toBe(2);
    expect(rulesInForce(versions, terms, '2016-05-31T21:59:59.000Z').applied.version).toBe(1);
  });

  it('let the later of two versions effective the same day win', () => {
    const sameDay = [phaseOneRules(), phaseTwoRules({ effectiveFrom: '2011-11-01' })];
    expect(rulesInForce(sameDay, terms, '2011-11-01').applied.version).toBe(2);
  });

  it('replace the call tiers where a version names its own, and take every term from the version', () => {
    const sources = [
      { sourceId: 'bund', name: 'Bund', kind: 'grant' as const, maxPercent: 50 },
      { sourceId: 'own', name: 'Eigenmittel', kind: 'own' as const, minPercent: 20 },
    ];
    const v = phaseOneRules({
      rules: completeTerms({ fundingTiers: [{ minPopulation: 0, amountEur: 40000 }], sources }),
    });
    const { rules } = rulesInForce([v], terms, '2012-01-01');
    expect(rules.fundingTiers).toEqual([{ minPopulation: 0, amountEur: 40000 }]);
    expect(rules.sources).toEqual(sources);
    // The version names the resolution rule: the call's 'not-required' does not count.
    expect(rules.councilResolution).toBe('may-follow-after-selection');
  });

  it('leave the resolution rule and the coordinator to the call where a version of history did', () => {
    const { councilResolution: _r, coordinatorRequired: _c, ...rest } = completeTerms();
    const { rules } = rulesInForce(
      [phaseOneRules({ rules: rest as ReturnType<typeof completeTerms> })],
      terms,
      '2012-01-01',
    );
    expect(rules.councilResolution).toBe('not-required');
    expect(rules.coordinatorRequired).toBe(false);
  });

  it('are rebuilt from the version a decision recorded, whatever was adopted since', () => {
    expect(rulesOfVersion(versions, terms, { version: 1, effectiveFrom: '2011-11-01' })).toEqual(
      rulesInForce(versions, terms, '2012-01-01'),
    );
    // Version 0 (history: the call's own terms) reads with the terms built in before v2.
    expect(rulesOfVersion(versions, terms, { version: 0, effectiveFrom: null })).toEqual({
      rules: {
        ...TERMS_BUILT_IN_BEFORE_V2,
        councilResolution: 'not-required',
        coordinatorRequired: false,
        fundingTiers: terms.fundingTiers,
      },
      applied: { version: 0, effectiveFrom: null },
    });
    expect(rulesOfVersion(versions, terms, { version: 7, effectiveFrom: '2020-01-01' })).toBeUndefined();
  });
});

describe('the Berlin date of an instant', () => {
  it('follows winter and summer time', () => {
    expect(berlinDate('2011-12-15T23:00:00.000Z')).toBe('2011-12-16');
    expect(berlinDate('2011-12-15T22:59:59.999Z')).toBe('2011-12-15');
    expect(berlinDate('2016-05-31T22:00:00.000Z')).toBe('2016-06-01');
    expect(berlinDate('2016-06-01')).toBe('2016-06-01');
  });
});

describe('the version in force', () => {
  it('is the latest effective on the Berlin day, none before the first', () => {
    expect(versionInForce(versions, '2011-10-31T22:59:59.000Z')).toBeUndefined();
    expect(versionInForce(versions, '2011-10-31T23:00:00.000Z')?.version).toBe(1);
    expect(versionInForce(versions, '2016-06-01')?.version).toBe(2);
  });
});

describe('the due date of a report', () => {
  it('is 30 April after a calendar year with 4 months, in leap years too (Zwischennachweis)', () => {
    const due = TERMS_BUILT_IN_BEFORE_V2.reporting.schedule.due;
    expect(due).toEqual({ monthsAfterPeriodEnd: 4 });
    expect(reportDueDate('2012-12-31', due)).toBe('2013-04-30');
    // 31 Dec 2015 + 120 days would be 29 April 2016: the month rule keeps 30 April.
    expect(reportDueDate('2015-12-31', due)).toBe('2016-04-30');
    expect(reportDueDate('2019-12-31', due)).toBe('2020-04-30');
  });

  it('is the last day of the nth month after the month the period ends in, whatever its day', () => {
    const four = { monthsAfterPeriodEnd: 4 };
    expect(reportDueDate('2015-06-30', four)).toBe('2015-10-31');
    expect(reportDueDate('2015-06-14', four)).toBe('2015-10-31');
    expect(reportDueDate('2015-10-31', four)).toBe('2016-02-29');
    expect(reportDueDate('2014-10-31', four)).toBe('2015-02-28');
    expect(reportDueDate('2015-03-31', { monthsAfterPeriodEnd: 0 })).toBe('2015-03-31');
  });

  it('is that many days after the period ends where the terms say days', () => {
    expect(reportDueDate('2012-06-30', { daysAfterPeriodEnd: 30 })).toBe('2012-07-30');
    expect(reportDueDate('2015-12-31', { daysAfterPeriodEnd: 120 })).toBe('2016-04-29');
  });
});
