import { streamName } from '@app/eventsourcing';
import type { ProgrammeRulesVersion } from './rules';

/** The German Länder by their `date-holidays` codes: whose public holidays a programme's deadlines count. */
export const HOLIDAY_REGIONS = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

/**
 * The Land a programme created without one counts holidays of: the registry holds the
 * municipalities of North Rhine-Westphalia. Recorded in the event, never assumed on reading.
 */
export const HOLIDAY_REGION_OF_THE_REGISTRY: HolidayRegion = 'NW';

/** Who a programme's messages come from. */
export interface ProgrammeSender {
  name: string;
  email?: string;
}

/**
 * `ProgrammeCreated` v2: `sender` is who messages come from, `holidayRegion` the German Land
 * whose public holidays count for its deadlines (a `date-holidays` code: `NW`, `BY`, …). v1
 * events are upcast (`upcasters.ts`).
 */
export interface ProgrammeCreatedData {
  programmeId: string;
  title: string;
  shortTitle?: string;
  description?: string;
  sender: ProgrammeSender;
  holidayRegion: string;
}

export type ProgrammeCreated = { type: 'ProgrammeCreated'; data: ProgrammeCreatedData };

/** A new version of the programme's terms (v2: complete), in force for submissions from `effectiveFrom` on. */
export type ProgrammeRulesAdopted = { type: 'ProgrammeRulesAdopted'; data: ProgrammeRulesVersion };

export type ProgrammeEvent = ProgrammeCreated | ProgrammeRulesAdopted;

export type ProgrammeState =
  | { status: 'none' }
  | {
      status: 'active';
      programmeId: string;
      title: string;
      sender: ProgrammeSender;
      holidayRegion: string;
      rules: ProgrammeRulesVersion[];
    };

export const programmeStream = (programmeId: string) => streamName('programme', programmeId);

export function initialProgrammeState(): ProgrammeState {
  return { status: 'none' };
}

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeCreated':
      return {
        status: 'active',
        programmeId: event.data.programmeId,
        title: event.data.title,
        sender: event.data.sender,
        holidayRegion: event.data.holidayRegion,
        rules: [],
      };
    case 'ProgrammeRulesAdopted':
      return state.status === 'active' ? { ...state, rules: [...state.rules, event.data] } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
