import { useTestDatabase } from '../../helpers/suite';
import { importRows } from '../../../src/features/imports/import-pipeline';
import { consultationsImport } from '../../../src/features/consultations/consultations-import';
import { cellNote } from '../../../src/features/imports/import-form-check';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';

const t = useTestDatabase();

describe('importRows', () => {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => ({
    row: i + 2, cells: { 相談日: '2024-01-05', 相談種別: '制度説明', 相談方法: '', 相談者: '', 区: '', 内容: `chunk-${i}`, 対応: '' },
  }));
  const count = async () => Number((await t.db('consultations').count({ n: '*' }))[0].n);

  test('inserts every row across several chunks in one transaction', async () => {
    const before = await count();
    const result = await importRows(t.db, consultationsImport, rowsOf(1203), { userId: null, now: new Date() });
    expect(result).toEqual({ ok: true, count: 1203 });
    expect(await count()).toBe(before + 1203);
  });

  test('a failure after the inserts (e.g. the audit) rolls every row back', async () => {
    const before = await count();
    await expect(importRows(t.db, consultationsImport, rowsOf(700), { userId: null, now: new Date() }, async () => {
      throw new Error('audit failed');
    })).rejects.toThrow('audit failed');
    expect(await count()).toBe(before);
  });

  test('one row that no longer validates: nothing stored, its row number returned', async () => {
    const before = await count();
    const rows = rowsOf(10);
    rows[6].cells.区 = '存在しない区';
    const result = await importRows(t.db, consultationsImport, rows, { userId: null, now: new Date() });
    expect(result).toEqual({ ok: false, rowErrors: [{ row: 8, reasons: [`${M.ward}（${cellNote('区', '存在しない区')}）`] }] });
    expect(await count()).toBe(before);
  });
});
