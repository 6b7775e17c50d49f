import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DomainError, NotFound } from '@app/eventsourcing';
import { germanConstraint, RequestValidationError } from '@app/shared';
import { UNAUTHENTICATED_TEXTS, Unauthenticated } from '@app/identity';
import { InvitationNotOpen, NotAMember } from '../libs/applications/src/errors';

/**
 * Every refusal a person can read answers in German by default and in English on request
 * (issue 13 point 3). Found by walking the sources, so that a new errors module or a new refusal
 * class is held to the rule without anyone adding it here.
 */
const ROOT = join(__dirname, '..');

/**
 * Contexts another helper is rewriting at the time of writing; the lead translates them after the
 * merge and then removes them from this list (the test warns while they are here). None now.
 */
const PENDING_TRANSLATION: Record<string, string> = {};

/** Refusals whose German sentence may equal the English one, each with its reason. (None so far.) */
const SAME_IN_BOTH: Record<string, string> = {};

/**
 * Refusals whose facts must be real values to be phrased (a status looked up in a table, a
 * sentence passed in): the arguments they are built with here.
 */
const SAMPLES: Record<string, () => DomainError[]> = {
  RequestValidationError: () => [
    RequestValidationError.forFields([
      { field: 'budget', messages: [{ de: 'muss eine Zahl sein', en: 'must be a number' }] },
    ]),
  ],
  InvitationNotOpen: () =>
    (['invited', 'confirmed', 'declined', 'left', 'withdrawn', 'lapsed'] as const).map(
      (status) => new InvitationNotOpen({ applicationId: 'eoi-1', ags: '05970000', status }),
    ),
  NotAMember: () => [new NotAMember({ applicationId: 'eoi-1', ags: '05970000', status: 'declined' })],
  Unauthenticated: () =>
    (Object.keys(UNAUTHENTICATED_TEXTS) as (keyof typeof UNAUTHENTICATED_TEXTS)[]).map(
      (reason) => new Unauthenticated(reason),
    ),
};

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Modules that define refusals: every *errors*.ts, and any other source that declares one. */
const REFUSAL_MODULE = /extends\s+(DomainError|Oparl\w+)\b|domainError\(/;
const refusalModules = ['libs', 'apps']
  .flatMap((top) =>
    readdirSync(join(ROOT, top), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(ROOT, top, d.name, 'src')),
  )
  .filter((src) => {
    try {
      return readdirSync(src).length > 0;
    } catch {
      return false;
    }
  })
  .flatMap(sourcesUnder)
  .filter((file) => /errors?[^/]*\.ts$/.test(file) || REFUSAL_MODULE.test(readFileSync(file, 'utf8')))
  .map((file) => relative(ROOT, file))
  .sort();

/** Stands in for any constructor argument: every property and call gives itself, it reads as ''. */
function anything(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) =>
      key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator] : proxy,
    apply: () => proxy,
  });
  return proxy;
}

type RefusalClass = new (...args: unknown[]) => DomainError;

function isRefusalClass(value: unknown): value is RefusalClass {
  return typeof value === 'function' && value.prototype instanceof DomainError;
}

function instancesOf(module: string, name: string, Refusal: RefusalClass): DomainError[] {
  const sample = SAMPLES[name];
  if (sample) return sample();
  try {
    return [new Refusal(anything(), anything(), anything(), anything())];
  } catch (error) {
    throw new Error(
      `${module} ${name} cannot be built from any facts; give it a sample here (${String(error)})`,
    );
  }
}

interface Finding {
  module: string;
  name: string;
  de: string;
  en: string;
}

function findings(): { checked: Finding[]; untranslated: Finding[]; pending: Finding[] } {
  const checked: Finding[] = [];
  for (const module of refusalModules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(join(ROOT, module)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!isRefusalClass(value)) continue;
      for (const refusal of instancesOf(module, name, value)) {
        checked.push({ module, name, de: String(refusal.text('de')), en: String(refusal.text('en')) });
      }
    }
  }
  const wrong = checked.filter(
    (f) => !f.de.trim() || !f.en.trim() || (f.de === f.en && !SAME_IN_BOTH[f.name]),
  );
  const isPending = (f: Finding) => Object.keys(PENDING_TRANSLATION).some((p) => f.module.startsWith(p));
  return { checked, untranslated: wrong.filter((f) => !isPending(f)), pending: wrong.filter(isPending) };
}

describe('refusals in German', () => {
  jest.setTimeout(120_000);

  it('finds the refusal modules of every context', () => {
    for (const expected of [
      'libs/programmes-calls/src/errors.ts',
      'libs/council-resolutions/src/oparl/oparl-errors.ts',
      'libs/identity/src/auth-errors.ts',
      'libs/shared/src/http/idempotency.ts',
      'libs/eventsourcing/src/domain-error.ts',
    ]) {
      expect(refusalModules).toContain(expected);
    }
  });

  it('gives every refusal a German sentence of its own besides the English one', () => {
    const { checked, untranslated, pending } = findings();
    expect(checked.length).toBeGreaterThan(100);
    if (pending.length > 0) {
      for (const [prefix, reason] of Object.entries(PENDING_TRANSLATION)) {
        const names = pending.filter((f) => f.module.startsWith(prefix)).map((f) => f.name);
        if (names.length > 0) {
          console.warn(`Not yet checked in ${prefix} (${reason}): ${names.join(', ')}`);
        }
      }
    }
    expect(untranslated.map((f) => `${f.module} ${f.name}: "${f.de}"`)).toEqual([]);
  });

  it('words in German every field sentence a DTO gives its constraint itself', () => {
    const messages = new Set<string>();
    // Constraints of our own (registerDecorator) are worded in German by their name.
    const own = new Set<string>();
    for (const file of ['libs', 'apps'].flatMap((top) => sourcesUnder(join(ROOT, top)))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/[{,]\s*message:\s*'([^']+)'/g)) messages.add(match[1]);
      for (const match of source.matchAll(/registerDecorator\(\{\s*name:\s*'([^']+)'/g)) own.add(match[1]);
    }
    expect(messages.size).toBeGreaterThan(3);
    expect(own.size).toBeGreaterThan(1);
    // `@Matches` takes sentences of its own; its generic German would lose what is wanted.
    const untranslated = [...messages].filter((en) => {
      const de = germanConstraint('matches', en);
      const byMatches = de !== en && de !== germanConstraint('matches', 'x');
      const byOwnName = [...own].some((name) => germanConstraint(name, en) !== en);
      return !byMatches && !byOwnName;
    });
    expect(untranslated).toEqual([]);
  });

  it('names every record that can be missing in German', () => {
    const names = new Set<string>();
    for (const file of ['libs', 'apps'].flatMap((top) => sourcesUnder(join(ROOT, top)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new NotFound\(\s*'([^']+)'/g)) {
        names.add(match[1]);
      }
    }
    expect(names.size).toBeGreaterThan(10);
    // "Evaluation" is the same word in German.
    const untranslated = [...names].filter(
      (name) => name !== 'Evaluation' && new NotFound(name, 'x').text('de').startsWith(`${name} `),
    );
    expect(untranslated).toEqual([]);
  });
});
