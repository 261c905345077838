/**
 * The fields of a person record, in form order: what each is called on screen and how
 * its value is shown. Display, the conflict page and merge all walk this one list.
 */
export const CODE_FIELDS = {
  sex_id: 'sex',
  condition_id: 'condition',
  handbook_type_id: 'handbook_type',
  care_level_id: 'care_level',
  guardianship_type_id: 'guardianship_type',
  guardian_relation_id: 'guardian_relation',
} as const;
export type CodeField = keyof typeof CODE_FIELDS;
export const CODE_LISTS_USED = Object.values(CODE_FIELDS);

export const LIVING = ['在宅', '施設'] as const;
export const WELFARE = ['受給中', '申請中', '受給していない', '不明'] as const;

export interface PersonValues {
  name: string;
  name_kana: string;
  birth_date: string | null;
  sex_id: number | null;
  ward_id: number | null;
  address: string | null;
  phone: string | null;
  condition_id: number | null;
  handbook_type_id: number | null;
  handbook_grade: string | null;
  care_level_id: number | null;
  living: string | null;
  welfare_status: string | null;
  guardianship_type_id: number | null;
  guardian_name: string | null;
  guardian_relation_id: number | null;
  notes: string | null;
}
export type PersonField = keyof PersonValues;

export interface PersonRow extends PersonValues {
  id: number;
  kana_key: string;
  phone_digits: string | null;
  merged_into_id: number | null;
  merged_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type FieldKind = 'text' | 'date' | 'code' | 'ward' | 'choice' | 'long';

export const PERSON_FIELDS: { name: PersonField; label: string; kind: FieldKind }[] = [
  { name: 'name', label: '氏名', kind: 'text' },
  { name: 'name_kana', label: '氏名カナ', kind: 'text' },
  { name: 'birth_date', label: '生年月日', kind: 'date' },
  { name: 'sex_id', label: '性別', kind: 'code' },
  { name: 'ward_id', label: '区', kind: 'ward' },
  { name: 'address', label: '住所', kind: 'text' },
  { name: 'phone', label: '電話番号', kind: 'text' },
  { name: 'condition_id', label: '疾病・障害', kind: 'code' },
  { name: 'handbook_type_id', label: '手帳の種類', kind: 'code' },
  { name: 'handbook_grade', label: '手帳の等級', kind: 'text' },
  { name: 'care_level_id', label: '要介護度', kind: 'code' },
  { name: 'living', label: '生活の場', kind: 'choice' },
  { name: 'welfare_status', label: '生活保護', kind: 'choice' },
  { name: 'guardianship_type_id', label: '現在の類型', kind: 'code' },
  { name: 'guardian_name', label: '後見人等の氏名', kind: 'text' },
  { name: 'guardian_relation_id', label: '後見人等と本人との関係', kind: 'code' },
  { name: 'notes', label: '備考', kind: 'long' },
];

export const PERSON_COLUMNS: PersonField[] = PERSON_FIELDS.map((f) => f.name);
