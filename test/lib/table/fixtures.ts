/** Sample tables for the renderer tests: the monthly consultation table's shape (domain.md §1). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { groupedHeader, TOTAL_COLUMN, withTotals, type Table } from '../../../src/lib/table/table';

export const CATEGORY_GROUPS = [
  { key: 'inquiry', label: '問い合わせ' },
  { key: 'advocacy', label: '権利擁護' },
  { key: 'explain', label: '制度説明' },
  { key: 'petition', label: '申立支援' },
  {
    label: '後見人支援',
    children: [
      { key: 'support-welfare', label: '身上保護' },
      { key: 'support-property', label: '財産管理' },
    ],
  },
  { key: 'candidate', label: '後見人候補者' },
  { key: 'survey', label: '状況調査' },
  { key: 'plan', label: '今後の生活設計' },
  { key: 'voluntary', label: '任意後見' },
  { key: 'other', label: 'その他' },
  { key: 'liaison', label: '連絡調整' },
  { key: 'specialist', label: '専門相談' },
];

export const MONTHS = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'];

/** Deterministic pseudo-random counts (a small LCG), so byte-level assertions stay stable. */
export function counts(seed: number, n: number, max = 20): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % (max + 1);
  });
}

export function monthlyTable(opts: { months?: string[]; seed?: number } = {}): Table {
  const { headerRows, columns } = groupedHeader(CATEGORY_GROUPS, [TOTAL_COLUMN]);
  const months = opts.months ?? MONTHS;
  const body = months.map((label, i) => ({ label, cells: counts((opts.seed ?? 7) + i, 13) }));
  return {
    id: 'consultations-monthly',
    title: '令和8年度 成年後見制度に関する相談件数',
    subtitle: '2026年4月1日〜2027年3月31日',
    rowHeader: '月',
    headerRows,
    columns,
    rows: withTotals(body, { rowTotal: true, colTotalLabel: '計' }),
    notes: ['件数は相談1回につき主な相談種別1つで数えています。'],
  };
}

/**
 * Page texts of a PDF, via pdf-parse in a plain Node child process: pdf.js loads its worker
 * with a dynamic import, which jest's module sandbox refuses without --experimental-vm-modules.
 */
export function pdfPages(buf: Buffer): string[] {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { input: buf, cwd: join(__dirname, '../../..'), maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8')) as string[];
}
