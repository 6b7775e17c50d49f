import type { Decider } from '../decider';
import { fold } from '../decider';
import type { DomainEvent } from '../event';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Given/When/Then for deciders, without Nest or mocks:
 *
 *   spec.given([CallPublished]).when(submit).then([ExpressionOfInterestSubmitted])
 *   spec.given([...]).when(lateSubmit).thenThrows(SubmissionAfterDeadline)
 */
export function deciderSpecification<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      return {
        when(command: C) {
          const act = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: E[]) {
              expect(act()).toEqual(expected);
            },
            thenThrows(errorClass: ErrorClass, code?: string) {
              let thrown: unknown;
              try {
                act();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (code !== undefined) expect((thrown as { code?: string }).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
