import { toWareki, formatDateTime } from '../../lib/dates';
import { CodeField, FormOptions, labelOf, categoryLabel } from './consultations-options';
import { ConsultationView } from './consultations-queries';
import { ConsultationForm } from './consultations-schema';
import { PickedPerson } from '../persons';
import { createPdf, drawText, fieldRows, FORM_SIZE, LINE_HEIGHT, pdfToBuffer, textBlock } from '../../lib/pdf';

/** What a consultation says, as labels: the detail page, the 相談記録票 and the conflict page share it. */
export interface DisplayValues {
  consulted_on: string;
  start_time: string | null;
  duration_minutes: number | null;
  method: string;
  consultee: string;
  category: string;
  ward: string;
  person: string;
  age_band: string;
  sex: string;
  condition: string;
  referral_center: string;
  content: string;
  response: string;
  referral: string;
  follow_up_on: string | null;
  staff: string;
}

export const FIELD_LABELS: Record<keyof DisplayValues, string> = {
  consulted_on: '相談日', start_time: '開始時刻', duration_minutes: '所要時間', method: '相談方法', consultee: '相談者',
  category: '相談種別', ward: '区', person: '本人', age_band: '年齢区分', sex: '性別', condition: '疾病・障害',
  referral_center: '紹介元機関', content: '内容', response: '対応', referral: '紹介・つなぎ先',
  follow_up_on: 'フォローアップ日', staff: '担当職員',
};

/** '山田 太郎（ヤマダ タロウ）昭和20年1月2日生' */
export function personText(p: { name: string | null; name_kana: string | null; birth_date: string | null } | null): string {
  if (!p || !p.name) return '匿名（本人の登録なし）';
  const born = p.birth_date ? ` ${toWareki(p.birth_date)}生` : '';
  return `${p.name}（${p.name_kana ?? ''}）${born}`;
}

export function fromView(v: ConsultationView): DisplayValues {
  return {
    consulted_on: v.consulted_on,
    start_time: v.start_time,
    duration_minutes: v.duration_minutes,
    method: v.method_label ?? '',
    consultee: v.consultee_label ?? '',
    category: categoryLabel({ name: v.category_name, parent_name: v.category_parent_name }),
    ward: v.ward_name ?? '',
    person: personText(v.person_id ? { name: v.person_name, name_kana: v.person_kana, birth_date: v.person_birth_date } : null),
    age_band: v.age_band_label ?? '',
    sex: v.sex_label ?? '',
    condition: v.condition_label ?? '',
    referral_center: v.referral_center_name ?? '',
    content: v.content ?? '',
    response: v.response ?? '',
    referral: v.referral ?? '',
    follow_up_on: v.follow_up_on,
    staff: v.staff_name ?? '',
  };
}

/** The same from a submitted form, its ids read through the options the form offered. */
export function fromForm(f: ConsultationForm, opts: FormOptions, person: PickedPerson | null): DisplayValues {
  const code = (field: CodeField) => labelOf(opts.codes[field], f[field]);
  const cat = opts.allCategories.find((c) => c.id === f.category_id);
  return {
    consulted_on: f.consulted_on,
    start_time: f.start_time,
    duration_minutes: f.duration_minutes,
    method: code('method_id'),
    consultee: code('consultee_id'),
    category: cat ? categoryLabel(cat) : '',
    ward: labelOf(opts.wards, f.ward_id),
    person: personText(person),
    age_band: code('age_band_id'),
    sex: code('sex_id'),
    condition: code('condition_id'),
    referral_center: labelOf(opts.centers, f.referral_center_id),
    content: f.content ?? '',
    response: f.response ?? '',
    referral: f.referral ?? '',
    follow_up_on: f.follow_up_on,
    staff: labelOf(opts.staff, f.staff_id),
  };
}

/** Label / text pairs in form order, dates in 和暦. */
export function displayRows(d: DisplayValues): { key: keyof DisplayValues; label: string; value: string }[] {
  const text = (key: keyof DisplayValues): string => {
    const v = d[key];
    if (v === null || v === '') return '';
    if (key === 'consulted_on' || key === 'follow_up_on') return toWareki(String(v));
    if (key === 'duration_minutes') return `${v}分`;
    return String(v);
  };
  return (Object.keys(FIELD_LABELS) as (keyof DisplayValues)[]).map((key) => ({ key, label: FIELD_LABELS[key], value: text(key) }));
}

/**
 * 相談記録票: one consultation on A4 portrait, as a bordered form (label cell | value cell, the
 * PDF kit's fieldRows). Long 内容 / 対応 run on to following pages, the label marked （続き）.
 */
export const PDF_TITLE = '相談記録票';

const META = 9;

/** The 相談記録票 of one consultation. `now` stamps the footer's 作成日. */
export async function consultationPdf(c: ConsultationView, now: Date): Promise<Buffer> {
  const doc = createPdf({ title: `${PDF_TITLE}（記録番号 ${c.id}）`, now });
  const { left, right, top } = doc.page.margins;
  const width = doc.page.width - left - right;
  drawText(doc, PDF_TITLE, left, top, { size: FORM_SIZE.title, bold: true, width, align: 'center' });
  let y = top + FORM_SIZE.title * LINE_HEIGHT + 6;
  drawText(doc, `記録番号 ${c.id}`, left, y, { size: META });
  drawText(doc, `相談日 ${toWareki(c.consulted_on)}`, left, y, { size: META, width, align: 'right' });
  y += META * LINE_HEIGHT + 4;
  const rows = displayRows(fromView(c)).map((row): [string, string] => {
    const done = row.key === 'follow_up_on' && row.value && c.follow_up_done_at ? `（${formatDateTime(c.follow_up_done_at)} 完了）` : '';
    return [row.label, `${row.value}${done}`];
  });
  y = fieldRows(doc, y, rows) + 8;
  const stamp = [`登録 ${formatDateTime(c.created_at)} ${c.created_by_name ?? ''}`, `最終更新 ${formatDateTime(c.updated_at)} ${c.updated_by_name ?? ''}`];
  textBlock(doc, y, stamp.join('\n'), { size: META });
  return pdfToBuffer(doc);
}
