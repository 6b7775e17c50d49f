import { NotFound } from '@app/eventsourcing';
import { deciderSpecification } from '@app/eventsourcing/testing/decider-specification';
import { InvalidFundingTiers, RulesEffectiveBeforePrevious, RulesVersionNotSequential } from '../errors';
import type { ProgrammeEvent } from '../programme';
import { phaseOneRules, phaseTwoRules } from '../testing-fixtures';
import { adoptProgrammeRulesDecider } from './adopt-programme-rules.decide';

const spec = deciderSpecification(adoptProgrammeRulesDecider);
const created: ProgrammeEvent = {
  type: 'ProgrammeCreated',
  data: { programmeId: 'kkz', title: 'Kein Kind zurücklassen' },
};
const adopted = (data = phaseOneRules()): ProgrammeEvent => ({ type: 'ProgrammeRulesAdopted', data });

describe('adopt a version of the programme rules', () => {
  it('adopts the first version (phase I: the resolution may follow after selection)', () =>
    spec.given([created]).when(phaseOneRules()).then([adopted()]));

  it('adopts phase II as version 2, effective later (resolution required at application)', () =>
    spec
      .given([created, adopted()])
      .when(phaseTwoRules())
      .then([{ type: 'ProgrammeRulesAdopted', data: phaseTwoRules() }]));

  it('refuses a version number that skips or repeats one', () => {
    spec
      .given([created, adopted()])
      .when(phaseTwoRules({ version: 3 }))
      .thenThrows(RulesVersionNotSequential, 'rules-version-not-sequential');
    spec
      .given([created, adopted()])
      .when(phaseOneRules())
      .thenThrows(RulesVersionNotSequential, 'rules-version-not-sequential');
  });

  it('refuses a version that would take effect before the previous one', () =>
    spec
      .given([created, adopted()])
      .when(phaseTwoRules({ effectiveFrom: '2011-10-31' }))
      .thenThrows(RulesEffectiveBeforePrevious, 'rules-effective-before-previous'));

  it('accepts a version effective on the same day as the previous one: the later version wins', () =>
    spec
      .given([created, adopted()])
      .when(phaseTwoRules({ effectiveFrom: '2011-11-01' }))
      .then([{ type: 'ProgrammeRulesAdopted', data: phaseTwoRules({ effectiveFrom: '2011-11-01' }) }]));

  it('refuses overlapping funding tiers', () =>
    spec
      .given([created])
      .when(
        phaseOneRules({
          rules: {
            fundingTiers: [
              { minPopulation: 0, maxPopulation: 150000, amountEur: 32000 },
              { minPopulation: 100000, amountEur: 64000 },
            ],
          },
        }),
      )
      .thenThrows(InvalidFundingTiers, 'invalid-funding-tiers'));

  it('answers not found for a programme that does not exist', () =>
    spec.given([]).when(phaseOneRules()).thenThrows(NotFound, 'not-found'));
});
