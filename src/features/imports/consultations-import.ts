import { Knex } from 'knex';
import { describeDate } from '../../lib/dates';
import { ImportSpec } from './import-spec';
import { CATEGORY_COLUMN, CategoryLookup, categoryCell, loadCategories } from './category-lookup';
import { LabelLookup, codeListLookup, dateCell, labelCell, labelOf, optionalText, requiredCell, wardLookup } from './import-cells';

/** A consultation as imported from the center's Excel ledger (anonymous: no person linked). */
export interface ConsultationImport {
  consulted_on: string;
  category_id: number;
  method_id: number | null;
  consultee_id: number | null;
  ward_id: number | null;
  content: string | null;
  response: string | null;
}

interface Masters { categories: CategoryLookup; methods: LabelLookup; consultees: LabelLookup; wards: LabelLookup }

const C = { date: '相談日', category: CATEGORY_COLUMN, method: '相談方法', consultee: '相談者', ward: '区', content: '内容', response: '対応' } as const;

const INSERT_CHUNK = 500;
const PREVIEW_TEXT = 60;
const short = (s: string | null) => (s === null ? '' : s.length > PREVIEW_TEXT ? `${s.slice(0, PREVIEW_TEXT)}…` : s);

export const consultationsImport: ImportSpec<ConsultationImport, Masters> = {
  kind: 'consultations',
  title: '相談記録',
  path: '/consultations/import',
  listHref: '/consultations',
  listLabel: '相談記録',
  columns: [
    { name: C.date, required: true, hint: '2023-04-01、2023/4/1、令和5年4月1日、R5.4.1 のいずれか' },
    { name: C.category, required: true, hint: '相談種別マスタの名称。下位の種別は「後見人支援/身上保護」のように「親/子」で書きます（使用停止した種別も可）' },
    { name: C.method, required: false, hint: '来所・電話・訪問 など相談方法マスタの名称。空欄なら未設定' },
    { name: C.consultee, required: false, hint: '本人・親族・ささえりあ など相談者マスタの名称。空欄なら未設定' },
    { name: C.ward, required: false, hint: '中央区・東区・西区・南区・北区。空欄なら未設定' },
    { name: C.content, required: false, hint: '相談内容（自由記述）' },
    { name: C.response, required: false, hint: '対応内容（自由記述）' },
  ],
  example: [
    '相談日,相談種別,相談方法,相談者,区,内容,対応',
    '2023/4/3,制度説明,電話,親族,東区,成年後見制度の概要について,パンフレットを送付',
    'R5.4.10,後見人支援/身上保護,来所,後見人等,中央区,施設入所の手続きについて,手順を説明',
  ].join('\n'),

  async loadContext(db: Knex | Knex.Transaction): Promise<Masters> {
    return {
      categories: await loadCategories(db),
      methods: await codeListLookup(db, 'consultation_method'),
      consultees: await codeListLookup(db, 'consultee'),
      wards: await wardLookup(db),
    };
  },

  validate(cells, m) {
    const reasons: string[] = [];
    const consultedOn = dateCell(C.date, cells[C.date], reasons, true);
    const categoryText = requiredCell(C.category, cells[C.category], reasons);
    const categoryId = categoryText === null ? null : categoryCell(categoryText, m.categories, reasons);
    const record = {
      method_id: labelCell(C.method, cells[C.method], m.methods, reasons),
      consultee_id: labelCell(C.consultee, cells[C.consultee], m.consultees, reasons),
      ward_id: labelCell(C.ward, cells[C.ward], m.wards, reasons),
      content: optionalText(cells[C.content]),
      response: optionalText(cells[C.response]),
    };
    if (reasons.length > 0 || consultedOn === null || categoryId === null) return { ok: false, reasons };
    return { ok: true, record: { consulted_on: consultedOn, category_id: categoryId, ...record } };
  },

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
