import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { Knex } from 'knex';
import { listConsultations, ListFilters } from '../src/features/consultations/consultations-list';

export function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

/** The baseline: a bare Express route running the list page's very query, answering JSON. */
export function bareListApp(db: Knex, filters: ListFilters, today: string): express.Express {
  const app = express();
  app.get('/list', async (_req, res) => {
    const page = await listConsultations(db, filters, today, null);
    res.json(page.rows);
  });
  return app;
}
