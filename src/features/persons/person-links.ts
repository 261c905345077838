/**
 * Every table that points at a person. Merging two persons moves these rows to the
 * survivor; each feature that links records to a person adds its table here.
 */
export interface PersonLink { table: string; column: string; label: string }

export const PERSON_LINKS: PersonLink[] = [
  { table: 'consultations', column: 'person_id', label: '相談記録' },
  { table: 'petitions', column: 'person_id', label: '市長申立て' },
  { table: 'meeting_cases', column: 'person_id', label: '受任調整会議の検討案件' },
  { table: 'subsidies', column: 'person_id', label: '報酬助成' },
  { table: 'guardian_appointments', column: 'person_id', label: '市民後見人の受任' },
];
