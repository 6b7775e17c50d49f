import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
// Loading the API loads every DTO of every context.
import '../apps/api/src/build-api';

type Dto = abstract new (...args: never[]) => object;
type Storage = { validationMetadatas: Map<Dto, ValidationMetadata[]> };
const NESTED = 'nestedValidation';

/** Whether class-transformer turns the property's plain object into an instance of a class (@Type). */
function typed(target: Dto, property: string, each: boolean): boolean {
  const made = plainToInstance(target as new () => object, { [property]: each ? [{}] : {} }) as Record<
    string,
    unknown
  >;
  const value = each ? (made[property] as unknown[])[0] : made[property];
  return value !== null && typeof value === 'object' && value.constructor !== Object;
}

/**
 * `@ValidateNested` alone takes a list where an object belongs and descends into it: with `each`,
 * `questions: [[…]]` passed as a list of questions and was stored. Every nested DTO therefore
 * states that it takes an object (`@IsObject()`, for a list `@IsObject({ each: true })`) and which
 * class it is (`@Type`); this holds for every DTO the API loads, the next one included.
 */
describe('every nested DTO takes objects only', () => {
  const all = [...(getMetadataStorage() as unknown as Storage).validationMetadatas.values()].flat();

  it('finds the DTOs (the check is not vacuous)', () => {
    expect(all.filter((m) => m.type === NESTED).length).toBeGreaterThan(20);
  });

  it('pairs each @ValidateNested with @IsObject of the same `each` and a @Type', () => {
    const flaws: string[] = [];
    for (const nested of all.filter((m) => m.type === NESTED)) {
      const where = `${typeof nested.target === 'function' ? nested.target.name : nested.target}.${nested.propertyName}`;
      const own = (m: ValidationMetadata) =>
        m.target === nested.target && m.propertyName === nested.propertyName;
      const isObject = all.find(
        (m) => own(m) && m.name === 'isObject' && Boolean(m.each) === Boolean(nested.each),
      );
      if (!isObject) flaws.push(`${where}: no @IsObject(${nested.each ? '{ each: true }' : ''})`);
      if (!typed(nested.target as Dto, nested.propertyName, Boolean(nested.each)))
        flaws.push(`${where}: no @Type`);
    }
    expect(flaws).toEqual([]);
  });
});
