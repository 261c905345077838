/**
 * Cells special to the citizen-guardian imports: the course's fiscal year (2021, 2021年度, 令和3年度,
 * R3), the roster key (kana + birth date) rows are matched by, and the Japanese reasons.
 */
import { Knex } from 'knex';
import { toWareki } from '../../../lib/dates';
import { ERAS } from '../../../lib/dates/wareki';
import { shown } from '../../imports';

export const T = {
  name: '氏名', kana: '氏名カナ', birth: '生年月日', courseFy: '養成講座年度', completed: '修了日', activity: '支援員活動開始日',
  bank: 'バンク登録日', coop: '協力員開始日', heldOn: '研修日', title: '研修名',
} as const;

export const GUARDIAN_IMPORT_MESSAGES = {
  courseFy: (v: string) => `${T.courseFy}「${shown(v)}」は 2021 または 令和3年度 のように書いてください`,
  completedBeforeCourse: (on: string, fy: string) => `${T.completed}（${toWareki(on)}）が${T.courseFy}（${fy}）より前です`,
  twiceInFile: '同じ氏名カナ・生年月日の人がこのファイルの前の行にもあります',
  unknownTrainee: '氏名カナ・生年月日が同じ人が名簿にいません。先に名簿（trainees の取り込みまたは画面）で登録してください',
  attendedAlready: 'この研修の受講は既に記録されています',
  attendedTwice: '同じ人の同じ研修の受講がこのファイルの前の行にもあります',
  gating: (reason: string) => `バンク登録の条件を満たしていません：${reason}（過去の記録としてそのまま取り込みます）`,
};
const M = GUARDIAN_IMPORT_MESSAGES;

/** 2021, ２０２１年度, 令和3年度, 令和元年度, R3 → 2021 …; null when empty; a reason when unreadable. */
export function fiscalYearCell(value: string, reasons: string[]): number | null {
  if (value === '') return null;
  const v = value.normalize('NFKC').replace(/\s/g, '').replace(/年度$/, '').replace(/年$/, '');
  const western = /^(\d{4})$/.exec(v);
  const wareki = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})$/i.exec(v);
  const era = wareki ? ERAS.find((e) => e.name === wareki[1] || e.letter === wareki[1].toUpperCase()) : undefined;
  const fy = western ? Number(western[1]) : era && wareki ? era.startYear + (wareki[2] === '元' ? 1 : Number(wareki[2])) - 1 : null;
  if (fy === null || fy < 2000 || fy > 2100) {
    reasons.push(M.courseFy(value));
    return null;
  }
  return fy;
}

export const rosterKey = (kanaKey: string, birth: string) => `${kanaKey}\u0000${birth}`;

/** Every roster record by kana key + birth date. */
export async function loadRoster(db: Knex | Knex.Transaction): Promise<Map<string, { id: number; name: string }>> {
  const rows: { id: number; name: string; kana_key: string; birth_date: string }[] = await db('citizen_guardians').select('id', 'name', 'kana_key', 'birth_date');
  return new Map(rows.map((r) => [rosterKey(r.kana_key, r.birth_date), { id: r.id, name: r.name }]));
}
