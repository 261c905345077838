import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * DELIBERATELY VULNERABLE, for `npm run scan -- --self-test` only: a page that concatenates
 * its query parameter into SQL and echoes it unescaped, so the self-test can show that the
 * scanners and this project's reading of their reports do fail on a real hole. Listens on
 * 127.0.0.1 for the self-test's duration, on a throwaway in-memory database.
 */
export async function startVulnerableFixture(): Promise<{ port: number; close(): Promise<void> }> {
  const pg = await PGlite.create();
  await pg.exec("CREATE TABLE items (id int, name text); INSERT INTO items VALUES (1, 'apple'), (2, 'banana'), (3, 'cherry')");
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (url.pathname !== '/items') {
      res.end('<html><body><a href="/items?q=apple">items</a></body></html>');
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    pg.query<{ id: number; name: string }>(`SELECT id, name FROM items WHERE name = '${q}'`).then(
      (r) => r.rows.map((row) => `<li>${row.id} ${escapeHtml(String(row.name))}</li>`).join(''),
      (e: Error) => `<li>PostgreSQL ERROR: ${escapeHtml(e.message)}</li>`,
    ).then((rows) => res.end(`<html><body><p>Search: ${q}</p><ul>${rows}</ul></body></html>`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pg.close();
    },
  };
}
