import { Knex } from 'knex';
import { describeDate } from '../../lib/dates';
import { ImportSpec } from '../../contracts/import-kind';
import { loadCategories, C, ConsultationImport, LedgerContext, ledgerOptions, validateLedgerRow } from './consultations-import-form';
import { codeListLookup, labelOf, wardLookup } from '../imports';

export type { ConsultationImport } from './consultations-import-form';

const INSERT_CHUNK = 500;
const PREVIEW_TEXT = 60;
const short = (s: string | null) => (s === null ? '' : s.length > PREVIEW_TEXT ? `${s.slice(0, PREVIEW_TEXT)}…` : s);

export const consultationsImport: ImportSpec<ConsultationImport, LedgerContext> = {
  kind: 'consultations',
  title: '相談記録',
  path: '/consultations/import',
  listHref: '/consultations',
  listLabel: '相談記録',
  columns: [
    { name: C.date, required: true, hint: '2023-04-01、2023/4/1、令和5年4月1日、R5.4.1 のいずれか。未来の日付は書けません' },
    { name: C.category, required: true, hint: '相談種別マスタの名称。下位の種別は「後見人支援/身上保護」のように「親/子」で書きます（使用停止した種別も可）' },
    { name: C.method, required: false, hint: '来所・電話・訪問 など相談方法マスタの名称。空欄なら未設定' },
    { name: C.consultee, required: false, hint: '本人・親族・ささえりあ など相談者マスタの名称。空欄なら未設定' },
    { name: C.ward, required: false, hint: '中央区・東区・西区・南区・北区。空欄なら未設定' },
    { name: C.content, required: false, hint: '相談内容（自由記述、10,000文字まで）' },
    { name: C.response, required: false, hint: '対応内容（自由記述、10,000文字まで）' },
  ],
  example: [
    '相談日,相談種別,相談方法,相談者,区,内容,対応',
    '2023/4/3,制度説明,電話,親族,東区,成年後見制度の概要について,パンフレットを送付',
    'R5.4.10,後見人支援/身上保護,来所,後見人等,中央区,施設入所の手続きについて,手順を説明',
  ].join('\n'),

  async loadContext(db: Knex | Knex.Transaction, today: string): Promise<LedgerContext> {
    return {
      db, today, options: await ledgerOptions(db),
      categories: await loadCategories(db),
      methods: await codeListLookup(db, 'consultation_method'),
      consultees: await codeListLookup(db, 'consultee'),
      wards: await wardLookup(db),
    };
  },

  validate: validateLedgerRow,

  previewHeaders: [C.date, C.category, C.method, C.consultee, C.ward, C.content, C.response],
  preview(r, m) {
    return [
      describeDate(r.consulted_on), m.categories.labels.get(r.category_id) ?? '', labelOf(m.methods, r.method_id),
      labelOf(m.consultees, r.consultee_id), labelOf(m.wards, r.ward_id), short(r.content), short(r.response),
    ];
  },

  // date, category, ward and text (the ledger names no person)
  fingerprint: (r) => [r.consulted_on, r.category_id, r.ward_id, r.content, r.response],

  async insert(trx, records, actor) {
    const who = { staff_id: actor.userId, created_by: actor.userId, updated_by: actor.userId, created_at: actor.now, updated_at: actor.now };
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      await trx('consultations').insert(records.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, ...who })));
    }
  },
};
