/** Petitions ledgers as CSV (CRLF, quoted where needed), and a row builder by column name. */
export const HEADER = ['氏名', '氏名カナ', '生年月日', '区', '根拠法', '類型', '相談受付日', '親族調査完了日', '決裁日', '申立日', '審判日', '確定日', '登記日', '事件番号'];

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
export const csv = (rows: string[][]) => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

/** A data row: the required cells filled, everything else blank unless given. */
export function row(cells: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = { 氏名: '熊本 花子', 氏名カナ: 'クマモト ハナコ', 生年月日: '1940-05-01', 区: '東区', ...cells } as Record<string, string>;
  return HEADER.map((h) => base[h] ?? '');
}

export const ledger = (rows: string[][]) => Buffer.from(csv([HEADER, ...rows]), 'utf8');
