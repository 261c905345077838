import { categoryColumns, CategoryRow, PARENT_ITSELF_LABEL } from '../../../src/features/reports/consultation-columns';

const cat = (id: number, name: string, parent_id: number | null = null, retired = false): CategoryRow => ({ id, name, parent_id, retired });

test('leaves in master order grouped under their parent, then 合計', () => {
  const c = categoryColumns([cat(1, '問い合わせ'), cat(2, '後見人支援'), cat(3, '身上保護', 2), cat(4, '財産管理', 2), cat(5, '専門相談')], new Set());
  expect(c.columns.map((x) => x.csvLabel)).toEqual(['問い合わせ', '後見人支援/身上保護', '後見人支援/財産管理', '専門相談', '合計']);
  expect(c.categoryIds).toEqual([1, 3, 4, 5]);
  expect(c.headerRows).toEqual([
    [{ label: '問い合わせ', rowSpan: 2 }, { label: '後見人支援', colSpan: 2 }, { label: '専門相談', rowSpan: 2 }, { label: '合計', rowSpan: 2 }],
    [{ label: '身上保護' }, { label: '財産管理' }],
  ]);
});

test('children of a retired parent count as retired; a group with nothing to show is left out', () => {
  const cats = [cat(1, '問い合わせ'), cat(2, '旧分類', null, true), cat(3, '子A', 2), cat(4, '子B', 2)];
  expect(categoryColumns(cats, new Set()).columns.map((x) => x.csvLabel)).toEqual(['問い合わせ', '合計']);
  expect(categoryColumns(cats, new Set([4])).columns.map((x) => x.csvLabel)).toEqual(['問い合わせ', '旧分類/子B', '合計']);
});

test('consultations filed under a category before it was given children get their own column', () => {
  const cats = [cat(1, '後見人支援'), cat(2, '身上保護', 1)];
  const c = categoryColumns(cats, new Set([1, 2]));
  expect(c.columns.map((x) => x.csvLabel)).toEqual(['後見人支援/身上保護', `後見人支援/${PARENT_ITSELF_LABEL}`, '合計']);
  expect(c.categoryIds).toEqual([2, 1]);
  expect(categoryColumns(cats, new Set([2])).categoryIds).toEqual([2]);
});
