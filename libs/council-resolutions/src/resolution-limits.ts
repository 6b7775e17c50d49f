/**
 * The longest texts a council resolution may carry, one table for both ways in: the manual
 * record's DTO and the OParl reader, so an import cannot store what a form would refuse.
 */
export const RESOLUTION_TEXT_LIMITS = {
  paperReference: 100,
  paperType: 100,
  paperTitle: 500,
  committee: 300,
  /** The Beschlussvorschlag, and the OParl resolution text that stands in for it. */
  proposal: 20000,
  /** The council system's own wording of the result, kept beside the result read from it. */
  rawResult: 500,
  signOffName: 200,
  signOffTitle: 200,
  description: 20000,
  reason: 2000,
} as const;
