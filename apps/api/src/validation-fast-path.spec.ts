import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidatorOptions } from 'class-validator';
import { memoizeValidationMetadata } from '@app/shared';
import { ValidationFastPath } from '@app/shared/http/validation-fast-path';
// Every controller and its bodies and queries: the rules of the whole API are registered.
import './api.module';

// class-transformer's own store of `@Type` (its `cjs/storage` module has no typings of its own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
};

type Rule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Class = new () => object;

/** The options the API's pipe validates with (createValidationPipe). */
const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

/** A small seeded generator, so that a failure is found again by the same run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings of this API's kinds, offered to every `@Matches` pattern: those it takes are tried. */
const KNOWN_STRINGS = [
  '05978020',
  '0597802',
  '05913000',
  '2012-04-26',
  '2012-02-30',
  '1999-12-31',
  '2012-04-26T10:00:00.000Z',
  '10:00',
  'abc-1',
  'a..b',
  '.x',
  'ESF-2011',
  '2012',
  '44135',
  'DE89370400440532013000',
  'a@b.de',
  'https://example.org/oparl/body/1',
  '3f1c2a64-8a3e-4d7b-9f0e-1b2c3d4e5f60',
  'EUR',
  'de',
  'en',
  'Brücken für Familien',
  '',
  'x',
  ' ',
  'B/17/1797-01',
  '0',
  '-1',
  '12.5',
  'true',
  'P1',
  'Q1',
  'phase-1',
];

/**
 * Values near what each rule of a property takes and refuses: the values a rule names (`@IsIn`),
 * its bounds and one past them, strings its pattern takes, the nested class's objects, and
 * things of the wrong type.
 */
async function candidates(
  rules: Rule[],
  rng: () => number,
  depth: number,
  nestedOf?: Class,
): Promise<unknown[]> {
  const out: unknown[] = [undefined, null, 'x', 42, true, [], {}, ...KNOWN_STRINGS.slice(0, 12)];
  if (nestedOf && depth < 3) {
    const nested = [];
    for (let i = 0; i < 4; i++) nested.push(await sample(nestedOf, rng, depth + 1));
    out.push(...nested, [nested[0], nested[1]], [nested[2]], [nested[3], 'x']);
  }
  for (const rule of rules) {
    const [c0] = (rule.constraints ?? []) as unknown[];
    switch (rule.name) {
      case 'isString':
        out.push('', 'Brücken', 'x'.repeat(30));
        break;
      case 'maxLength':
      case 'minLength': {
        const n = Number(c0);
        out.push('a'.repeat(n), 'a'.repeat(n + 1), 'a'.repeat(Math.max(0, n - 1)));
        break;
      }
      case 'isInt':
      case 'isNumber':
      case 'isPositive':
      case 'isNegative':
        out.push(0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', 2 ** 53);
        break;
      case 'min':
      case 'max':
        out.push(Number(c0), Number(c0) - 1, Number(c0) + 1, Number(c0) + 0.5);
        break;
      case 'isIn':
        out.push(...(c0 as unknown[]), 'nope');
        break;
      case 'isEnum':
        out.push(...Object.values(c0 as object), 'nope');
        break;
      case 'isBoolean':
        out.push(true, false, 'true', 0);
        break;
      case 'matches': {
        const pattern = c0 instanceof RegExp ? c0 : new RegExp(String(c0));
        out.push(...KNOWN_STRINGS.filter((s) => pattern.test(s)), 'no match');
        break;
      }
      default:
        break;
    }
  }
  // Arrays: of the values above, as long as a size rule allows and one longer.
  const sizes = rules
    .filter((r) => ['arrayMaxSize', 'arrayMinSize'].includes(r.name ?? ''))
    .map((r) => Number((r.constraints as unknown[])[0]));
  const items = out.slice();
  for (const n of [1, 2, ...sizes, ...sizes.map((n) => n + 1)]) {
    out.push(Array.from({ length: n }, () => pick(items, rng)));
  }
  return out;
}

function pick(items: unknown[], rng: () => number): unknown {
  return items[Math.floor(rng() * items.length)];
}

function rulesByProperty(cls: Class): Map<string, Rule[]> {
  const byProperty = new Map<string, Rule[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false, undefined)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  return byProperty;
}

/** Per property of a class: the candidates class-validator takes for it alone, and the others. */
type Profile = Map<string, { good: unknown[]; bad: unknown[] }>;
const profiles = new Map<Class, Promise<Profile>>();

function profile(cls: Class, rng: () => number, depth: number): Promise<Profile> {
  let found = profiles.get(cls);
  if (!found) {
    found = (async () => {
      const result: Profile = new Map();
      for (const [property, rules] of rulesByProperty(cls)) {
        const nestedOf = defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction() as
          Class | undefined;
        const sorted = { good: [] as unknown[], bad: [] as unknown[] };
        for (const value of await candidates(rules, rng, depth, nestedOf)) {
          const errors = await validate(plainToInstance(cls, { [property]: value }), OPTIONS);
          (errors.some((e) => e.property === property) ? sorted.bad : sorted.good).push(value);
        }
        result.set(property, sorted);
      }
      return result;
    })();
    profiles.set(cls, found);
  }
  return found;
}

/**
 * A plain body for a class: each property a value it takes alone (or left out), and in a third
 * of the bodies one property a value it does not take; now and then an unknown property.
 */
async function sample(cls: Class, rng: () => number, depth = 0): Promise<Record<string, unknown>> {
  const properties = await profile(cls, rng, depth);
  const names = [...properties.keys()];
  const spoiled = rng() < 0.3 ? pick(names, rng) : undefined;
  const body: Record<string, unknown> = {};
  for (const [property, { good, bad }] of properties) {
    const value = property === spoiled || good.length === 0 ? pick(bad, rng) : pick(good, rng);
    if (value !== undefined) body[property] = value;
  }
  if (rng() < 0.05) body.unexpected = 'x';
  return body;
}

function validationTargets(): Class[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  return [...storage.validationMetadatas.keys()].filter((t): t is Class => typeof t === 'function');
}

describe('validation fast path', () => {
  it('agrees with class-validator on every body and query class of the API', async () => {
    memoizeValidationMetadata();
    const fastPath = new ValidationFastPath();
    const classes = validationTargets();
    const rng = random(20261208);
    const disagreements: string[] = [];
    const unsupported: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const cls of classes) {
      const samples = 150;
      let classAccepted = 0;
      for (let i = 0; i < samples; i++) {
        const entity = plainToInstance(cls, await sample(cls, rng));
        const fast = fastPath.accepts(entity);
        const errors = await validate(entity, OPTIONS);
        if (fast !== (errors.length === 0)) {
          disagreements.push(
            `${cls.name} ${JSON.stringify(entity)}: fast ${fast}, class-validator ${errors.length} errors`,
          );
        }
        if (errors.length === 0) classAccepted++;
      }
      accepted += classAccepted;
      refused += samples - classAccepted;
      // A class the fast path never accepts would only ever take the slow path.
      if (classAccepted === 0) unsupported.push(cls.name);
    }
    console.log(
      `validation fast path: ${classes.length} classes, ${accepted} valid and ${refused} invalid samples, ` +
        `classes without a valid sample: ${unsupported.join(', ') || 'none'}`,
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(classes.length).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  it('leaves the options it does not follow to class-validator', () => {
    expect(ValidationFastPath.follows(OPTIONS)).toBe(true);
    expect(ValidationFastPath.follows({ ...OPTIONS, groups: ['admin'] })).toBe(false);
    expect(ValidationFastPath.follows({ ...OPTIONS, forbidNonWhitelisted: false })).toBe(false);
    expect(ValidationFastPath.follows({ ...OPTIONS, skipMissingProperties: true })).toBe(false);
    expect(ValidationFastPath.follows(undefined)).toBe(false);
  });
});
