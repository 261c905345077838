/** Reading a table that views/partials/table.ejs rendered: each body row's label and cells, as shown. */
export interface ShownRow { label: string; cells: string[]; marks: boolean[] }

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();

export function shownRows(html: string, tableId: string): ShownRow[] {
  const table = new RegExp(`<table class="data-table" id="table-${tableId}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (!table) throw new Error(`no table ${tableId} in the page`);
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
    return {
      label: text(/<th scope="row">([\s\S]*?)<\/th>/.exec(m[1])?.[1] ?? ''),
      cells: cells.map((c) => text(c.replace(/<span class="mark">※<\/span>/, ''))),
      marks: cells.map((c) => c.includes('<span class="mark">※</span>')),
    };
  });
}

/** A shown cell as a number ('1,581.5' → 1581.5); undefined for blank or text. */
export function shownNumber(cell: string): number | undefined {
  const v = cell.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}
