import { CODE_LIST_NAMES } from '../../../seeds/master-lists';

/** The simple masters: a name, an order, retire/restore. One descriptor per list. */
export interface MasterKind {
  key: string;
  title: string;
  table: string;
  nameColumn: 'name' | 'label';
  scope?: Record<string, string>;
  /** extra select fields, e.g. parent category or centre kind */
  extra?: 'parent' | 'centerKind';
}

export const CENTER_KINDS = ['ささえりあ', '障がい者相談支援センター', 'その他'];

const FIXED: MasterKind[] = [
  { key: 'wards', title: '区', table: 'wards', nameColumn: 'name' },
  { key: 'categories', title: '相談種別', table: 'consultation_categories', nameColumn: 'name', extra: 'parent' },
  { key: 'referral-centers', title: '紹介元機関（ささえりあ等）', table: 'referral_centers', nameColumn: 'name', extra: 'centerKind' },
];

const CODES: MasterKind[] = Object.keys(CODE_LIST_NAMES).map((list) => ({
  key: list,
  title: CODE_LIST_NAMES[list] ?? list,
  table: 'code_entries',
  nameColumn: 'label',
  scope: { list },
}));

export const MASTER_KINDS: MasterKind[] = [...FIXED, ...CODES];

export function masterKind(key: string): MasterKind | undefined {
  return MASTER_KINDS.find((k) => k.key === key);
}
