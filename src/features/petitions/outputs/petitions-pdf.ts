/**
 * 市長申立て進行管理票: one petition on A4 portrait for the ward's internal approval — the title
 * and the 決裁欄 (区長・課長・係長・担当) at the top, the person, the petition basics, the twelve
 * stages with their dates, and the relatives found in the family-register search.
 */
import { approvalBoxes, createPdf, fieldRows, FORM_SIZE as SIZE, grid, GridColumn, heading, pdfToBuffer, textBlock } from '../../../lib/pdf';
import { toWareki } from '../../../lib/dates';
import { CLOSING_STAGE, STAGE_STATUS_LABELS, STAGES } from '../stages/petition-stages';
import type { SheetData, SheetPetition, SheetStage } from './petitions-pdf-data';

export const SHEET_TITLE = '市長申立て進行管理票';
export const CURRENT_STAGE_LABEL = '現在の段階';
export const NO_RELATIVES = '記録なし';
/** The 決裁欄's approvers, left to right. */
export const APPROVAL_LABELS = ['区長', '課長', '係長', '担当'] as const;

const wareki = (iso: string | null) => (iso ? toWareki(iso) : '');

const STAGE_COLUMNS: GridColumn[] = [
  { label: 'No.', width: 28, align: 'center' }, { label: '段階', width: 118 }, { label: '状況', width: 112 },
  { label: '完了日', width: 92 }, { label: '備考', width: 165 },
];
const RELATIVE_COLUMNS: GridColumn[] = [
  { label: '氏名', width: 110 }, { label: '続柄', width: 70 }, { label: '親等', width: 40, align: 'center' },
  { label: '照会日', width: 100 }, { label: '回答', width: 70 }, { label: '回答日', width: 125 },
];

function stageStatus(p: SheetPetition, no: number, recorded: SheetStage | undefined): string {
  if (!recorded) return p.current_stage === no ? CURRENT_STAGE_LABEL : '';
  if (no === CLOSING_STAGE && p.close_kind) return `${STAGE_STATUS_LABELS[recorded.status]}（${p.close_kind}）`;
  return STAGE_STATUS_LABELS[recorded.status];
}

function stageRows(p: SheetPetition, stages: SheetStage[]): string[][] {
  const byNo = new Map(stages.map((s) => [s.stage, s]));
  return STAGES.map((def) => {
    const s = byNo.get(def.no);
    const note = def.no === CLOSING_STAGE && p.close_reason ? [s?.note, p.close_reason].filter(Boolean).join(' ') : (s?.note ?? '');
    return [String(def.no), def.name, stageStatus(p, def.no, s), wareki(s?.completed_on ?? null), note];
  });
}

/** The sheet of one petition. `now` stamps the footer's 作成日. */
export async function petitionSheetPdf(data: SheetData, now: Date): Promise<Buffer> {
  const { petition: p } = data;
  const doc = createPdf({ title: `${SHEET_TITLE}（申立て番号 ${p.id}）`, now });
  const { left, top } = doc.page.margins;
  const stamps = approvalBoxes(doc, top, APPROVAL_LABELS);
  // the title and the number to the left of the 決裁欄
  const beside = { x: left, width: doc.page.width - doc.page.margins.right - stamps.width - 8 - left };
  const below = textBlock(doc, top + 8, SHEET_TITLE, { size: SIZE.title, bold: true }, beside);
  const numbered = textBlock(doc, below + 6, `申立て番号 ${p.id}\u3000${p.ward_name}`, { size: SIZE.cell }, beside);
  let y = Math.max(top + stamps.height, numbered) + 6;

  y = heading(doc, y, '本人');
  y = fieldRows(doc, y, [['氏名', p.name], ['氏名カナ', p.name_kana], ['生年月日', wareki(p.birth_date)], ['住所', p.address ?? '']]);
  y = heading(doc, y, '申立ての概要');
  y = fieldRows(doc, y, [
    ['区', p.ward_name],
    ['根拠法', p.legal_basis ?? ''],
    ['申立ての理由', [p.reason, p.reason_note].filter(Boolean).join('：')],
    ['緊急度', p.urgency],
    ['申し立てる類型', p.type_sought ?? ''],
    ['事件番号', p.case_number ?? ''],
  ]);
  y = heading(doc, y, '進行状況');
  y = grid(doc, y, STAGE_COLUMNS, stageRows(p, data.stages));
  y = heading(doc, y, '親族調査（2親等内）');
  const relatives = data.relatives.map((r) => [r.name, r.relation, `${r.degree}親等`, wareki(r.enquiry_sent_on), r.reply ?? '', wareki(r.reply_on)]);
  grid(doc, y, RELATIVE_COLUMNS, relatives.length > 0 ? relatives : [[NO_RELATIVES, '', '', '', '', '']]);
  return pdfToBuffer(doc);
}
