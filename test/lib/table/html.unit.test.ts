import { join } from 'node:path';
import * as ejs from 'ejs';
import { monthlyTable } from './fixtures';

const PARTIAL = join(__dirname, '../../../views/partials/table.ejs');

describe('views/partials/table.ejs', () => {
  it('renders the grouped header, row headers, numbers, totals and notes', async () => {
    const t = monthlyTable();
    t.rows[1].marks = [false, true];
    const html = await ejs.renderFile(PARTIAL, { table: t });
    expect(html).toContain('<table class="data-table"');
    expect(html).toContain(`<caption id="table-consultations-monthly-caption">${t.title}`);
    expect(html).toContain('<th scope="col" rowspan="2">月</th>');
    expect(html).toContain('<th scope="col" colspan="2">後見人支援</th>');
    expect(html).toContain('<th scope="col" rowspan="2">問い合わせ</th>');
    expect(html).toContain('<th scope="col">財産管理</th>');
    expect(html).toContain('<th scope="row">4月</th>');
    expect(html).toContain('<tr class="total">');
    expect(html).toMatch(/<td class="num total">\d+<\/td>/);
    expect(html).toContain(`<td class="num"><span class="mark">※</span>${t.rows[1].cells[1]}</td>`);
    expect(html).toContain('<ul class="table-notes">');
    expect(html).not.toMatch(/style=/);
    const thead = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    expect(thead.match(/<tr>/g)).toHaveLength(2);
  });

  it('escapes every label', async () => {
    const t = monthlyTable();
    t.title = '<script>alert(1)</script>';
    t.rows[0].label = '<script>x</script>';
    t.headerRows[0][0].label = '"><img src=x>';
    t.notes = ['<b>note</b>'];
    const html = await ejs.renderFile(PARTIAL, { table: t });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('&#34;&gt;&lt;img src=x&gt;');
  });

  it('renders a single header row without rowspan and formats thousands', async () => {
    const t = {
      id: 'x', title: 't', rowHeader: '年度', headerRows: [[{ label: '件数' }]],
      columns: [{ key: 'n', label: '件数', csvLabel: '件数' }],
      rows: [{ label: '令和5年度', cells: [1544] }, { label: '令和6年度', cells: [null] }], notes: [],
    };
    const html = await ejs.renderFile(PARTIAL, { table: t });
    expect(html).toContain('<th scope="col">年度</th>');
    expect(html).toContain('<td class="num">1,544</td>');
    expect(html).toContain('<td class="text"></td>');
    expect(html).not.toContain('table-notes');
  });
});
