import { BudgetExceeded, ParticipantCapReached } from './errors';
import { checkCallLimits } from './call-limits';
import { unnaSubmission } from './testing-fixtures';

const limited = unnaSubmission({
  call: { ...unnaSubmission().call, participants: { min: 3, max: 5 }, budgetCents: 40_000_000 },
});

describe("a selection within the call's limits", () => {
  it('passes within the cap and the budget', () =>
    expect(
      checkCallLimits(limited, 9_000_000, { selected: 4, amountCents: 31_000_000 }, undefined),
    ).toBeUndefined());

  it('refuses a sixth participant against a cap of five (participant-cap-reached), naming the cap', () => {
    expect(() => checkCallLimits(limited, 9_000_000, { selected: 5, amountCents: 0 }, undefined)).toThrow(
      ParticipantCapReached,
    );
    try {
      checkCallLimits(limited, 9_000_000, { selected: 5, amountCents: 0 }, undefined);
    } catch (e) {
      expect((e as { code: string }).code).toBe('participant-cap-reached');
      expect((e as Error).message).toMatch(/at most 5 participants and 5 are selected/);
    }
  });

  it('refuses an amount beyond the budget (budget-exceeded)', () =>
    expect(() =>
      checkCallLimits(limited, 9_000_001, { selected: 1, amountCents: 31_000_000 }, undefined),
    ).toThrow(BudgetExceeded));

  it('records an override with its reason and every limit it goes beyond; a blank reason is no reason', () => {
    expect(
      checkCallLimits(
        limited,
        15_000_000,
        { selected: 5, amountCents: 31_000_000 },
        { reason: ' Nachrücker ' },
      ),
    ).toEqual({ limits: ['participant-cap', 'budget'], reason: 'Nachrücker' });
    expect(() =>
      checkCallLimits(limited, 15_000_000, { selected: 5, amountCents: 0 }, { reason: '  ' }),
    ).toThrow(ParticipantCapReached);
  });

  it('has nothing to check on a call without cap or budget', () =>
    expect(
      checkCallLimits(unnaSubmission(), 9_000_000, { selected: 500, amountCents: 9e12 }, undefined),
    ).toBeUndefined());
});
