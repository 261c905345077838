/**
 * Import kind 'petitions': existing mayoral-petition ledgers moved in through the shared
 * pipeline (upload at /petitions/import with preview and confirmation, or
 * `npm run cli -- import petitions FILE`), all or nothing, every bad row reported by number.
 */
import { describeDate, toWareki } from '../../../lib/dates';
import { labelOf } from '../../imports';
import type { ImportSpec } from '../../../contracts/import-kind';
import { stageDef } from '../stages/petition-stages';
import { C, STAGE_DATE_COLUMNS } from './petitions-import-cells';
import { loadPetitionImport, PetitionImportContext, validatePetitionRow } from './petitions-import-form';
import { insertPetitions, latestStage, PetitionImport, stageRows } from './petitions-import-store';

function stagesText(r: PetitionImport): string {
  const latest = latestStage(r);
  if (latest === 0) return 'なし（相談受付から）';
  const unknown = stageRows(r).filter((s) => s.status === 'historical').length;
  return `${latest} ${stageDef(latest).name}まで${unknown > 0 ? `（うち${unknown}段階は日付不明）` : ''}`;
}

export const petitionsImport: ImportSpec<PetitionImport, PetitionImportContext> = {
  kind: 'petitions',
  title: '市長申立て',
  path: '/petitions/import',
  routedByFeature: true,
  listHref: '/petitions',
  listLabel: '市長申立て',
  columns: [
    { name: C.name, required: true, hint: '本人の氏名' },
    { name: C.kana, required: true, hint: 'カタカナ（ひらがな・半角カナも可）。氏名カナと生年月日が同じ本人が登録済みならその本人に、なければ本人を新しく登録します' },
    { name: C.birth, required: true, hint: '1945-04-01、昭和20年4月1日、S20.4.1 のいずれか' },
    { name: C.ward, required: true, hint: '中央区・東区・西区・南区・北区' },
    { name: C.basis, required: false, hint: '老人福祉法・知的障害者福祉法・精神保健福祉法（条番号まで書いても可）。空欄なら未設定' },
    { name: C.type, required: false, hint: '申し立てる類型：後見・保佐・補助。空欄なら未設定' },
    ...STAGE_DATE_COLUMNS.map((s) => ({
      name: s.name, required: false,
      hint: `段階${s.stage}「${stageDef(s.stage).name}」の完了日。空欄可（未来の日付、前の段階より前の日付は書けません）。書かれた最も後の段階までの日付のない段階は「完了（日付不明・過去分）」になります`,
    })),
    { name: C.caseNumber, required: false, hint: '令和5年(家)第1234号 の形。書く場合は申立日も必要です' },
  ],
  example: [
    '氏名,氏名カナ,生年月日,区,根拠法,類型,相談受付日,決裁日,申立日,審判日,事件番号',
    '熊本 花子,クマモト ハナコ,昭和15年5月1日,東区,老人福祉法,後見,R4.4.5,R4.8.1,R4.8.20,R4.10.3,令和4年(家)第1234号',
    '肥後 太郎,ヒゴ タロウ,1960-02-11,北区,知的障害者福祉法,保佐,2024/6/1,,,,',
  ].join('\n'),

  loadContext: loadPetitionImport,

  validate: validatePetitionRow,

  previewHeaders: [C.name, C.kana, C.birth, C.ward, C.basis, C.type, '記録する段階', '申立日', C.caseNumber],
  preview(r, m) {
    const filed = r.dated.find((d) => d.field === 'filed_on');
    return [
      r.name, r.name_kana, toWareki(r.birth_date), labelOf(m.wards, r.ward_id), labelOf(m.bases, r.legal_basis_id), labelOf(m.types, r.type_sought_id),
      stagesText(r), filed ? describeDate(filed.on) : '', r.case_number ?? '',
    ];
  },

  // the person, the ward and when the petition began (its first date): a later copy of the ledger
  // with more stages filled in is still the same petitions
  fingerprint: (r) => [r.kana_key, r.birth_date, r.ward_id, r.dated[0]?.on ?? null],

  insert: insertPetitions,
  person(r) { return r; },
};
