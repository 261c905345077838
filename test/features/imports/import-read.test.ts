import { useTestDatabase } from '../../helpers/suite';
import { analyseFile } from '../../../src/features/imports/import-pipeline';
import { consultationsImport } from '../../../src/features/consultations/consultations-import';
import { missingColumn, unknownColumn, duplicateColumn, IMPORT_MESSAGES } from '../../../src/features/imports/import-messages';
import { categoryNeedsParent } from '../../../src/features/consultations/consultations-import-form';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { GOOD_ROWS, HEADER, csv, goodCsv, shiftJis, utf8, utf8Bom } from './fixtures';

const t = useTestDatabase();

const analyse = (bytes: Buffer) => analyseFile(t.db, consultationsImport, bytes, new Date('2026-11-27T00:00:00Z'));
const idOf = async (table: string, where: Record<string, unknown>) => (await t.db(table).where(where).first('id')).id as number;

describe('encodings', () => {
  test('UTF-8 with BOM, UTF-8 without BOM and Shift_JIS give identical records', async () => {
    const text = goodCsv();
    const [bom, plain, sjis] = await Promise.all([analyse(utf8Bom(text)), analyse(utf8(text)), analyse(shiftJis(text))]);
    expect([bom.encoding, plain.encoding, sjis.encoding]).toEqual(['UTF-8（BOM付き）', 'UTF-8', 'Shift_JIS']);
    for (const a of [bom, plain, sjis]) {
      expect(a.fileErrors).toEqual([]);
      expect(a.rowErrors).toEqual([]);
      expect(a.warnings).toEqual([]);
    }
    expect(plain.records).toEqual(bom.records);
    expect(sjis.records).toEqual(bom.records);
  });

  test('each cell maps to the right id, date and text', async () => {
    const a = await analyse(utf8Bom(goodCsv()));
    const parent = await idOf('consultation_categories', { name: '後見人支援', parent_id: null });
    expect(a.records.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(a.records[0].record).toEqual({
      consulted_on: '2023-04-01',
      category_id: await idOf('consultation_categories', { name: '制度説明' }),
      method_id: await idOf('code_entries', { list: 'consultation_method', label: '電話' }),
      consultee_id: await idOf('code_entries', { list: 'consultee', label: '親族' }),
      ward_id: await idOf('wards', { name: '東区' }),
      content: GOOD_ROWS[0][5],
      response: '説明した',
    });
    expect(a.records.map((r) => (r.record as { consulted_on: string }).consulted_on)).toEqual(['2023-04-01', '2023-04-01', '2023-04-01', '2023-04-01']);
    expect(a.records[1].record).toMatchObject({ category_id: await idOf('consultation_categories', { name: '身上保護', parent_id: parent }), ward_id: null, content: null, response: null });
    expect(a.records[2].record).toMatchObject({ method_id: null, consultee_id: null, content: '内容\n改行あり' });
    expect(a.records[3].record).toMatchObject({ category_id: await idOf('consultation_categories', { name: '財産管理', parent_id: parent }) });
  });
});

describe('header', () => {
  test('columns in any order, spaces around headers, optional columns absent', async () => {
    const reordered = csv([[' 区 ', '対応', '相談種別', '相談日'], ['東区', 'はい', '制度説明', '2023-04-01']]);
    const a = await analyse(utf8(reordered));
    expect(a.fileErrors).toEqual([]);
    expect(a.records[0].record).toEqual({
      consulted_on: '2023-04-01', category_id: await idOf('consultation_categories', { name: '制度説明' }),
      method_id: null, consultee_id: null, ward_id: await idOf('wards', { name: '東区' }), content: null, response: 'はい',
    });
  });

  test('a missing required column is one file-level error; nothing is validated', async () => {
    const a = await analyse(utf8Bom(csv([['相談日', '内容'], ['2023-04-01', 'x'], ['bad', 'y']])));
    expect(a.fileErrors).toEqual([missingColumn('相談種別')]);
    expect(a.rowErrors).toEqual([]);
    expect(a.records).toEqual([]);
  });

  test('unknown extra columns are warnings and ignored; a duplicated column is an error', async () => {
    const a = await analyse(utf8(csv([['相談日', '相談種別', '担当者', '備考'], ['2023-04-01', '制度説明', '山田', 'メモ']])));
    expect(a.warnings).toEqual([unknownColumn('担当者'), unknownColumn('備考')]);
    expect(a.records).toHaveLength(1);
    const dup = await analyse(utf8(csv([['相談日', '相談種別', '相談日'], ['2023-04-01', '制度説明', '2023-04-02']])));
    expect(dup.fileErrors).toEqual([duplicateColumn('相談日')]);
  });

  test('empty file, header only, an .xlsx file and a broken quote are file-level errors', async () => {
    expect((await analyse(Buffer.alloc(0))).fileErrors).toEqual([IMPORT_MESSAGES.emptyFile]);
    expect((await analyse(utf8Bom(csv([HEADER])))).fileErrors).toEqual([IMPORT_MESSAGES.noRows]);
    expect((await analyse(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).fileErrors).toEqual([IMPORT_MESSAGES.xlsx]);
    expect((await analyse(utf8('相談日,相談種別\r\n2023-04-01,"制度説明\r\n'))).fileErrors[0]).toMatch(/引用符/);
  });
});

describe('row errors', () => {
  test('every error kind, with the row number Excel shows (blank lines counted, not read)', async () => {
    const text = csv([
      HEADER,
      ['2023-04-01', '制度説明', '電話', '本人', '東区', '', ''], // 2: good
      ['2023/2/30', '制度説明', '', '', '', '', ''], // 3
      ['2023-04-01', 'ふしぎな相談', '', '', '', '', ''], // 4
      ['2023-04-01', '後見人支援', '', '', '', '', ''], // 5
      ['2023-04-01', '制度説明', 'FAX', '', '', '', ''], // 6
      ['2023-04-01', '制度説明', '', '隣人', '', '', ''], // 7
      ['2023-04-01', '制度説明', '', '', '西原区', '', ''], // 8
      ['', '制度説明', '', '', '', '内容だけ', ''], // 9
      ['2023-04-01', ' ', '', '', '', '', ''], // 10
      [''], // 11: blank, skipped
      ['', '', '', ''], // 12: only commas, skipped
      ['令和5年13月1日', '身上保護', '', '', '南区', '', ''], // 13
    ]);
    const a = await analyse(shiftJis(text));
    // the consultation form's messages (issue 14), then the column and what was written there
    expect(a.rowErrors).toEqual([
      { row: 3, reasons: [`${M.consultedOn}（${cellNote('相談日', '2023/2/30')}）`] },
      { row: 4, reasons: [`${M.categoryUnknown}（${cellNote('相談種別', 'ふしぎな相談')}）`] },
      { row: 5, reasons: [`${M.categoryParent}（${cellNote('相談種別', '後見人支援')}）`] },
      { row: 6, reasons: [`${M.method}（${cellNote('相談方法', 'FAX')}）`] },
      { row: 7, reasons: [`${M.consultee}（${cellNote('相談者', '隣人')}）`] },
      { row: 8, reasons: [`${M.ward}（${cellNote('区', '西原区')}）`] },
      { row: 9, reasons: ['相談日を入力してください（相談日が空欄です）'] },
      { row: 10, reasons: [`${M.category}（相談種別が空欄です）`] },
      { row: 13, reasons: [`${M.consultedOn}（${cellNote('相談日', '令和5年13月1日')}）`, `${M.categoryUnknown}（${categoryNeedsParent('身上保護', '後見人支援/身上保護')}）`] },
    ]);
    expect(a.records.map((r) => r.row)).toEqual([2]);
    expect(a.rows).toHaveLength(10);
  });

  test('a retired category and a retired ward are accepted (historical ledgers)', async () => {
    await t.db('consultation_categories').where({ name: '任意後見' }).update({ retired_at: new Date() });
    await t.db('wards').where({ name: '南区' }).update({ retired_at: new Date() });
    try {
      const a = await analyse(utf8(csv([HEADER, ['2021-06-01', '任意後見', '', '', '南区', '', '']])));
      expect(a.rowErrors).toEqual([]);
      expect(a.records[0].record).toMatchObject({ category_id: await idOf('consultation_categories', { name: '任意後見' }) });
    } finally {
      await t.db('consultation_categories').where({ name: '任意後見' }).update({ retired_at: null });
      await t.db('wards').where({ name: '南区' }).update({ retired_at: null });
    }
  });

  test('a long value is cut in the reason (content typed into the wrong column)', async () => {
    const long = '長い内容'.repeat(30);
    const a = await analyse(utf8(csv([HEADER, ['2023-04-01', long, '', '', '', '', '']])));
    expect(a.rowErrors[0].reasons[0]).toBe(`${M.categoryUnknown}（${cellNote('相談種別', long)}）`);
    expect(a.rowErrors[0].reasons[0]).toContain(`「${long.slice(0, 40)}…」`);
  });
});
