import { AnyImportSpec } from '../../contracts/import-kind';
import { consultationsImport } from './consultations-import';
import { petitionsImport } from '../petitions/petitions-import';
import { meetingsImport } from '../meetings/meetings-import';
import { subsidiesImport } from '../subsidies/subsidies-import';
import { traineesImport } from '../guardians/trainees-import';
import { followupImport } from '../guardians/followup-import';

/** Every import kind; a later issue adds its spec file and one line here (web and CLI pick it up). */
export const IMPORT_KINDS: AnyImportSpec[] = [consultationsImport, petitionsImport, subsidiesImport, meetingsImport, traineesImport, followupImport];

export function importKind(kind: string): AnyImportSpec | undefined {
  return IMPORT_KINDS.find((k) => k.kind === kind);
}
