import { fold } from '@app/eventsourcing';
import {
  type ExpressionOfInterestEvent,
  evolveExpressionOfInterest,
  initialExpressionOfInterestState,
  mayRead,
} from './expression-of-interest';
import {
  confirmed,
  declined,
  draftedInviting,
  kamen,
  lapsed,
  left,
  luenen,
  oberhausen,
  submitted,
  withdrawn,
} from './testing-fixtures';

const stateAfter = (events: ExpressionOfInterestEvent[]) =>
  fold({ evolve: evolveExpressionOfInterest, initialState: initialExpressionOfInterestState }, events);
const membersAfter = (events: ExpressionOfInterestEvent[]) => {
  const s = stateAfter(events);
  return s.status === 'none' ? [] : s.members.map((m) => m.name);
};

describe('who is a member of a joint application', () => {
  it('counts nobody as a member for being invited', () =>
    expect(membersAfter(draftedInviting(kamen, luenen))).toEqual([]));

  it('counts a member from its own confirmation, in the order the lead invited them', () =>
    expect(membersAfter([...draftedInviting(kamen, luenen), confirmed(luenen), confirmed(kamen)])).toEqual([
      'Kamen',
      'Lünen',
    ]));

  it('counts no member that declined, left or was withdrawn', () => {
    const invitedThree = draftedInviting(kamen, luenen, oberhausen);
    expect(
      membersAfter([
        ...invitedThree,
        declined(kamen),
        confirmed(luenen),
        left(luenen),
        confirmed(oberhausen),
        withdrawn(oberhausen, true),
      ]),
    ).toEqual([]);
  });

  it('submits with the confirmed members only: an open invitation lapses', () => {
    const s = stateAfter([...draftedInviting(kamen, luenen), confirmed(kamen), submitted(), lapsed(luenen)]);
    expect(s).toMatchObject({ status: 'submitted', members: [kamen] });
  });

  it('lets an open invitee read the application it is asked to join, but not one it declined', () => {
    const open = stateAfter(draftedInviting(kamen));
    const gone = stateAfter([...draftedInviting(kamen), declined(kamen)]);
    if (open.status === 'none' || gone.status === 'none') throw new Error('no state');
    expect(mayRead(open, kamen.ags)).toBe(true);
    expect(mayRead(gone, kamen.ags)).toBe(false);
    expect(mayRead(open, oberhausen.ags)).toBe(false);
  });
});
