/**
 * The imports feature's door: the shared CSV import pipeline (upload → preview → 「すべて取り込む」),
 * and the pieces an import kind is written with. The kinds themselves are their features'.
 */
import type { Feature } from '../../contracts';
import { importRoutes } from './import-routes';

export { commitImport } from './import-commit';
export {
  cellNote, choiceOf, codeListLookup, formBody, labelLookup, labelOf, normalizeLabel, NOT_OFFERED, rowReasons, wardLookup,
  type FormMapping, type LabelLookup,
} from './import-form-check';
export {
  cliDuplicateRefused, duplicateFound, emptyRequired, imported, rowError, rowWarning, rowWarningsSummary, shown,
} from './import-messages';
export { loadPersonForm, personFor, rowPerson, type PersonForm, type SeenPersons } from './import-persons';
export { analyseFile, type RowError } from './import-pipeline';
export { importKindRoutes } from './import-routes';

export const imports: Feature = {
  name: 'imports',
  routes: [importRoutes],
};
