import { type PipeTransform, Injectable } from '@nestjs/common';
import type { Principal } from '@app/identity';
import { AGS_PATTERN, RequestValidationError } from '@app/shared';

/** Grants office, auditors and evaluators read evaluations, survey answers and results. */
export function readsEvaluation(principal: Principal): boolean {
  return principal.roles.some((r) => r === 'grants-office' || r === 'auditor' || r === 'evaluator');
}

/** A municipality path parameter: an 8-digit AGS and nothing else. */
@Injectable()
export class AgsPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AGS_PATTERN.test(value))
      throw new RequestValidationError('invalid-ags', {
        de: `„${value}“ ist kein Amtlicher Gemeindeschlüssel: bitte die 8 Ziffern angeben.`,
        en: `"${value}" is not an AGS: use the 8-digit Gemeindeschlüssel.`,
      });
    return value;
  }
}
