/**
 * The masters feature's door: master data (code lists, wards) as every form reads it. The option
 * type is contracts' Choice; editing the masters is the admin feature's.
 */
import type { Feature } from '../../contracts';

export {
  codeChoices, labelOf, loadMasterOptions, offered, selectOptions, wardChoices, wardLabel, type MasterOptions,
} from './masters-options';

export const masters: Feature = { name: 'masters' };
