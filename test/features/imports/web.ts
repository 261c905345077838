import { Agent, csrfFrom } from '../../helpers/agent';

export const IMPORT_PATH = '/consultations/import';

/** Uploads a file the way the browser form does: multipart, with the page's CSRF token. */
export async function upload(agent: Agent, bytes: Buffer) {
  const token = csrfFrom((await agent.get(IMPORT_PATH)).text);
  return agent.post(IMPORT_PATH).field('_csrf', token).attach('file', bytes, { filename: 'ledger.csv', contentType: 'text/csv' });
}

/** The 「すべて取り込む」 form of a preview page: its action and CSRF token. */
export function confirmFormOf(html: string): { action: string; token: string; batchId: string } {
  const m = html.match(/<form method="post" action="(\/consultations\/import\/(\d+))">\s*<input type="hidden" name="_csrf" value="([^"]+)">/);
  if (!m) throw new Error('no confirm form');
  return { action: m[1], batchId: m[2], token: m[3] };
}
