/**
 * 報酬助成決定通知書 / 報酬助成却下通知書: one decided application on A4 portrait — the number and
 * date of the decision, the addressees, the decision in one sentence, and the particulars with the
 * amount and its working (or the reason for the rejection). Dates in 和暦.
 */
import { createPdf, fieldRows, FORM_SIZE as SIZE, heading, pdfToBuffer, textBlock } from '../../../lib/pdf';
import { toWareki } from '../../../lib/dates';
import { working } from '../subsidies-cap';
import { periodText } from '../subsidies-form';
import { SubsidyRow } from '../subsidies-queries';
import { yenText } from '../subsidies-values';

export const NOTICE_TITLES = { 承認: '報酬助成決定通知書', 却下: '報酬助成却下通知書' } as const;
export const SENDER = '熊本市長';

const wareki = (iso: string | null) => (iso ? toWareki(iso) : '');

function sentence(s: SubsidyRow): string {
  const applied = s.received_on ? `${toWareki(s.received_on)}付けで申請のあった` : '申請のあった';
  return s.decision === '承認'
    ? `${applied}成年後見人等の報酬の助成について、次のとおり助成することに決定したので通知します。`
    : `${applied}成年後見人等の報酬の助成について、次の理由により助成しないことに決定したので通知します。`;
}

function particulars(s: SubsidyRow): [string, string][] {
  const w = working(s);
  const rows: [string, string][] = [
    ['本人氏名', s.person_name],
    ['生年月日', wareki(s.person_birth_date)],
    ['成年後見人等', [s.guardian_name, `（${s.relation_label}）`].filter(Boolean).join('')],
    ['申立種別', s.petition_type],
    ['報酬付与の審判', [wareki(s.court_decided_on), s.case_number].filter(Boolean).join('\u3000')],
    ['対象期間', periodText(s.period_from, s.period_to)],
    ['報酬付与額', yenText(s.fee_awarded_yen)],
    ['上限額の計算', `${w.sum}\n${w.result}`],
  ];
  if (s.decision === '承認') rows.push(['助成額', yenText(s.granted_yen)]);
  else rows.push(['却下の理由', s.decision_reason ?? '']);
  rows.push(['助成の要件', s.eligibility ?? ''], ['財源区分', s.funding_line]);
  return rows;
}

/** The notice of one decided application. `now` stamps the footer's 作成日. */
export async function subsidyNoticePdf(s: SubsidyRow, now: Date): Promise<Buffer> {
  const title = NOTICE_TITLES[s.decision as keyof typeof NOTICE_TITLES];
  const doc = createPdf({ title: `${title}（番号 ${s.id}）`, now });
  let y = doc.page.margins.top;
  for (const text of [s.decision_number ?? '', wareki(s.decided_on)]) y = textBlock(doc, y, text, { size: SIZE.cell, align: 'right' }) + 2;
  y += 6;
  for (const text of [`${s.person_name} 様`, ...(s.guardian_name ? [`成年後見人等 ${s.guardian_name} 様`] : [])]) {
    y = textBlock(doc, y, text, { size: SIZE.heading }) + 2;
  }
  y = textBlock(doc, y, SENDER, { size: SIZE.heading, align: 'right' }) + 16;
  y = textBlock(doc, y, title, { size: SIZE.title, bold: true, align: 'center' }) + 12;
  y = textBlock(doc, y, `\u3000${sentence(s)}`, { size: SIZE.heading });
  y = heading(doc, y + 4, '記');
  fieldRows(doc, y, particulars(s));
  return pdfToBuffer(doc);
}
