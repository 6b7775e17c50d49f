import { getMetadataStorage, type ValidationArguments, type ValidatorOptions } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Rule = Rules[number];

/** What class-validator keeps of a constraint class: its one instance, and whether it answers later. */
interface ConstraintInstance {
  async?: boolean;
  instance: { validate(value: unknown, args: ValidationArguments): unknown };
}

interface Check {
  propertyName: string;
  constraints: unknown[];
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
  instances: ConstraintInstance['instance'][];
}

interface PropertyPlan {
  name: string;
  /** `@IsOptional`, `@ValidateIf`: all must hold for the property to be checked at all. */
  conditions: ((object: object, value: unknown) => unknown)[];
  /** `@IsDefined` and the custom rules (`@IsString`, `@MaxLength`, a registered decorator). */
  checks: Check[];
  /** `@ValidateNested`, by the schema its nested objects are looked up under. */
  nestedSchemas: string[];
}

interface ClassPlan {
  allowed: Set<string>;
  properties: PropertyPlan[];
}

/** A class whose rules this path does not follow (a promise rule, an asynchronous constraint). */
const UNSUPPORTED = null;

/**
 * class-validator's answer for a valid object, worked out without its machinery: for each class
 * the rules are gathered once into a plan (per property: the conditions, the constraint
 * instances, the nested classes), and a body is checked by calling the very same constraint
 * instances class-validator would call, in a plain loop. class-validator builds an error record
 * per property, an arguments object and a closure per rule, and a promise per call, for bodies
 * that are nearly always valid: about half of what the validation pipe cost a command.
 *
 * `accepts` answers `true` only where class-validator would find no error (with the options the
 * API validates with: whitelist, forbidNonWhitelisted, forbidUnknownValues, no groups, no
 * skipping); for anything else (an error, or a rule it does not follow) it answers `false`, and
 * the caller asks class-validator itself, which words the errors. So an error is always
 * class-validator's own, and a wrong `false` costs only time.
 */
export class ValidationFastPath {
  private readonly plans = new WeakMap<Rules, ClassPlan | typeof UNSUPPORTED>();

  constructor(private readonly storage: MetadataStorage = getMetadataStorage()) {}

  /** Whether the options are the ones `accepts` answers for (see the class comment). */
  static follows(options: ValidatorOptions | undefined): boolean {
    return (
      options !== undefined &&
      options.whitelist === true &&
      options.forbidNonWhitelisted === true &&
      options.forbidUnknownValues !== false &&
      !options.always &&
      !options.strictGroups &&
      (options.groups === undefined || options.groups.length === 0) &&
      !options.skipMissingProperties &&
      !options.skipNullProperties &&
      !options.skipUndefinedProperties
    );
  }

  /** `true` only if class-validator would find nothing wrong with the object (see the class comment). */
  accepts(object: unknown, schema?: string): boolean {
    if (object === null || typeof object !== 'object') return false;
    const rules = this.storage.getTargetValidationMetadatas(
      (object as object).constructor,
      schema as string,
      false,
      false,
      undefined,
    );
    // No rules at all: class-validator answers "unknown value" (forbidUnknownValues).
    if (rules.length === 0) return false;
    const plan = this.planFor(rules);
    if (plan === UNSUPPORTED) return false;
    for (const key of Object.keys(object)) if (!plan.allowed.has(key)) return false;
    const record = object as Record<string, unknown>;
    for (const property of plan.properties) {
      const value = record[property.name];
      if (!property.conditions.every((holds) => holds(object, value))) continue;
      for (const check of property.checks) if (!passes(check, object, value)) return false;
      if (value === undefined) continue;
      for (const nested of property.nestedSchemas) if (!this.nestedAccepts(value, nested)) return false;
    }
    return true;
  }

  /** A `@ValidateNested` value: an object of a class with rules, or an array, set or map of them. */
  private nestedAccepts(value: unknown, schema: string): boolean {
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
      for (const item of value instanceof Set ? value : value.values()) {
        if (item !== undefined && !this.nestedAccepts(item, schema)) return false;
      }
      return true;
    }
    return value instanceof Object && this.accepts(value, schema);
  }

  private planFor(rules: Rules): ClassPlan | typeof UNSUPPORTED {
    let plan = this.plans.get(rules);
    if (plan === undefined) {
      plan = this.compile(rules);
      this.plans.set(rules, plan);
    }
    return plan;
  }

  private compile(rules: Rules): ClassPlan | typeof UNSUPPORTED {
    const byProperty = new Map<string, PropertyPlan>();
    for (const rule of rules) {
      let property = byProperty.get(rule.propertyName);
      if (!property) {
        property = { name: rule.propertyName, conditions: [], checks: [], nestedSchemas: [] };
        byProperty.set(rule.propertyName, property);
      }
      switch (rule.type) {
        case 'whitelistValidation':
          break;
        case 'conditionalValidation':
          property.conditions.push(rule.constraints[0] as PropertyPlan['conditions'][number]);
          break;
        case 'nestedValidation':
          property.nestedSchemas.push(
            typeof rule.target === 'string' ? rule.target : (rule.target as { name: string }).name,
          );
          break;
        case 'customValidation':
        case 'isDefined': {
          const check = this.checkOf(rule);
          if (!check) return UNSUPPORTED;
          property.checks.push(check);
          break;
        }
        default:
          // 'promiseValidation', or a kind a later class-validator adds.
          return UNSUPPORTED;
      }
    }
    return { allowed: new Set(byProperty.keys()), properties: [...byProperty.values()] };
  }

  private checkOf(rule: Rule): Check | undefined {
    const constraints = this.storage.getTargetValidatorConstraints(
      rule.constraintCls,
    ) as unknown as ConstraintInstance[];
    if (constraints.some((constraint) => constraint.async)) return undefined;
    return {
      propertyName: rule.propertyName,
      constraints: rule.constraints,
      each: rule.each,
      validateIf: (rule as Rule & { validateIf?: Check['validateIf'] }).validateIf,
      instances: constraints.map((constraint) => constraint.instance),
    };
  }
}

function passes(check: Check, object: object, value: unknown): boolean {
  if (check.validateIf && !check.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName: object.constructor ? object.constructor.name : (undefined as unknown as string),
    property: check.propertyName,
    object,
    value,
    constraints: check.constraints,
  };
  const items =
    check.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)
      ? value instanceof Map
        ? [...value.values()]
        : [...value]
      : undefined;
  for (const validator of check.instances) {
    if (items) {
      for (const item of items) if (!holds(validator.validate(item, args))) return false;
    } else if (!holds(validator.validate(value, args))) return false;
  }
  return true;
}

/** A constraint's answer that is a pass now: truthy, and not a promise of one. */
function holds(answer: unknown): boolean {
  return (
    Boolean(answer) &&
    !(typeof answer === 'object' && typeof (answer as { then?: unknown }).then === 'function')
  );
}
