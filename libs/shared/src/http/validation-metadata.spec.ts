import { IsInt, IsString, MetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import { createValidationPipe, memoizeValidationMetadata } from './validation';

type Rule = Parameters<MetadataStorage['addValidationMetadata']>[0];
/** What a decorator registers, as far as the look-up reads it. */
const rule = (target: object, propertyName: string) =>
  ({ type: ValidationTypes.CUSTOM_VALIDATION, target, propertyName }) as unknown as Rule;

class Base {
  @IsString()
  name!: string;
}
class Derived extends Base {
  @IsInt()
  count!: number;
}

/** The rules of a class are looked up once; a rule registered later still counts. */
describe('validation rules kept per class', () => {
  it('finds the same rules as class-validator, inherited ones included', () => {
    const fresh = new MetadataStorage();
    const plain = new MetadataStorage();
    for (const storage of [fresh, plain]) {
      for (const [target, propertyName] of [
        [Base, 'name'],
        [Derived, 'count'],
      ] as const) {
        storage.addValidationMetadata(rule(target, propertyName));
      }
    }
    memoizeValidationMetadata(fresh);
    const names = (storage: MetadataStorage) =>
      storage.getTargetValidationMetadatas(Derived, '', true, false).map((m) => m.propertyName);
    expect(names(fresh)).toEqual(names(plain));
    expect(names(fresh)).toEqual(['count', 'name']);
    // Nested objects are looked up with their parent's class name as the schema: kept apart.
    const nested = (storage: MetadataStorage) =>
      storage.getTargetValidationMetadatas(Base, 'Derived', false, false).map((m) => m.propertyName);
    expect(nested(fresh)).toEqual(nested(plain));
    expect(nested(fresh)).toEqual(['name']);
    // A rule added after the first look-up is seen by the next one.
    fresh.addValidationMetadata(rule(Derived, 'late'));
    expect(names(fresh)).toEqual(['count', 'late', 'name']);
  });

  it('still refuses what the decorators forbid once the pipe is built', () => {
    createValidationPipe();
    const wrong = Object.assign(new Derived(), { name: 7, count: 'x' });
    expect(
      validateSync(wrong)
        .map((e) => e.property)
        .sort(),
    ).toEqual(['count', 'name']);
    expect(validateSync(Object.assign(new Derived(), { name: 'a', count: 1 }))).toEqual([]);
  });
});
