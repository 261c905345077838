/** Messages of the import pipeline: file-level problems, row reasons and results, in Japanese. */
import { formatDateTime } from '../../lib/dates';
import { MAX_CELL_CHARS, MAX_IMPORT_ROWS, MAX_PENDING_PREVIEWS, PREVIEW_TTL_HOURS } from './import-limits';

const counted = (n: number) => n.toLocaleString('ja-JP');

export const IMPORT_MESSAGES = {
  noFile: 'CSVファイルを選択してください',
  emptyFile: 'ファイルが空です',
  xlsx: 'Excel形式（.xlsx）のファイルは読めません。Excelの「名前を付けて保存」で「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」を選んで保存し直してください',
  utf16: 'UTF-16のファイルは読めません。「CSV UTF-8（コンマ区切り）」で保存し直してください',
  noHeader: '見出し行がありません。1行目に列名（相談日、相談種別 など）を書いてください',
  noRows: '取り込む行がありません。見出し行の次の行から1件ずつ書いてください',
  expired: `確認画面を開いてから${PREVIEW_TTL_HOURS}時間以上たったため、この取り込みは取り消されました。もう一度ファイルを選んでください`,
  mastersChanged: 'マスタが変更されたため、取り込めない行があります。何も取り込んでいません。ファイルを直して、もう一度選んでください',
  alreadyDone: 'この取り込みは既に処理されています',
} as const;

export const tooManyRows = `取り込める行数は1回${counted(MAX_IMPORT_ROWS)}行までです。ファイルを分けてください`;
/** Shown above 「すべて取り込む」: how long the preview lasts, and that newer ones replace it. */
export const previewLifetime =
  `この確認画面は${PREVIEW_TTL_HOURS}時間有効です。確認画面は1人${MAX_PENDING_PREVIEWS}件までで、ほかのファイルを続けて選ぶと古いものから取り消されます。`;

/** `row`: where the quoted cell that never closes starts. */
export const csvBroken = (row: number) => `CSVとして読めません（${row}行目付近）。引用符（"）が閉じているか確認してください`;
export const cellTooLong = (row: number) =>
  `${row}行目に${counted(MAX_CELL_CHARS)}文字を超えるセルがあります。Excelの1つのセルに入る文字数までにしてください`;
export const missingColumn = (column: string) => `必須の列「${column}」が見出し行にありません`;
export const duplicateColumn = (column: string) => `列「${column}」が見出し行に2回以上あります`;
export const unknownColumn = (column: string) => `列「${column}」は取り込む列ではないため無視します`;

/** A cell's value as quoted in a reason: long text (content typed in the wrong column) is cut. */
export const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export const emptyRequired = (column: string) => `${column}が空欄です`;
/** The person form takes no birth date; an import needs it to match the row to a person. */
export const birthNeeded = (column: string) => `${column}が空欄です。本人を氏名カナと${column}で照合するため、書いてください`;

export const imported = (count: number) => `${count}件を取り込みました`;
export const rowError = (row: number, reason: string) => `行${row}: ${reason}`;
export const rowWarning = (row: number, reason: string) => `行${row}: 注意: ${reason}`;
export const rowWarningsSummary = (n: number) => `確認が必要な行が${n}行あります（取り込みます）`;

/** The repeat check (import-duplicates.ts): what the earlier batch was, and what to do. */
export const DUPLICATE_LABEL = '重複の可能性を確認したうえで取り込む';
export const duplicateNotTicked = `既に取り込んだ内容と重複している可能性があります。取り込む場合は「${DUPLICATE_LABEL}」にチェックを入れてください`;
export const duplicateEffect = 'このまま取り込むと同じ記録が二重に登録され、月ごとの件数などの集計が増えます。';
export function duplicateFound(d: { batchId: number; importedAt: Date; sameFile: boolean; matched: number; total: number }): string {
  const when = `${formatDateTime(new Date(d.importedAt))}の取り込み（取り込み番号 ${d.batchId}）`;
  if (d.sameFile) return `このファイルは、${when}と同じ内容です。`;
  const percent = Math.floor((d.matched * 100) / d.total);
  return `このファイルの${counted(d.total)}行のうち${counted(d.matched)}行（${percent}%）が、既に取り込んだ行と同じ内容です（最も多く重なるのは${when}）。`;
}
export const cliDuplicateRefused = 'もう一度取り込む場合は --allow-duplicate を付けて実行してください。何も取り込んでいません。';
