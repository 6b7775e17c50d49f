import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuthorityView, SignatureView } from '@app/documents';

/**
 * The grants office as its notices name it (GRANTS_OFFICE_FILE, by default `grants-office.json`
 * beside the municipality registry): part of the notice's template, so a change means other
 * bytes and a new `templateVersion`.
 */
export interface GrantsOffice {
  templateVersion: number;
  authority: AuthorityView;
  fileReferencePrefix: string;
  court: { name: string; addressLines: string[] };
  signature: SignatureView;
  generalConditions: { title: string; abbreviation: string };
  /** The proof of use is due this many months after the funding period (VV zu § 44 LHO: 6) where the notice's terms are not found; the terms' `proofOfUseMonths` otherwise. */
  proofOfUseMonths: number;
}

export const GRANTS_OFFICE = Symbol('GrantsOffice');

export function grantsOfficeFile(env: NodeJS.ProcessEnv, registryFile: string): string {
  return env.GRANTS_OFFICE_FILE?.trim() || resolve(dirname(registryFile), 'grants-office.json');
}

export function loadGrantsOffice(file: string): GrantsOffice {
  const office = JSON.parse(readFileSync(file, 'utf8')) as GrantsOffice;
  const missing = (
    ['templateVersion', 'authority', 'court', 'signature', 'generalConditions'] as const
  ).filter((key) => office[key] === undefined);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')}`);
  return { ...office, proofOfUseMonths: office.proofOfUseMonths ?? 6 };
}
