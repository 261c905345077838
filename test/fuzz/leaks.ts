/**
 * What every response must carry (the security headers) and must not (a stack trace, SQL, a file
 * path, a library's name). Bodies are read as what a person could see in them: the text of a page or
 * CSV, the text and metadata of a PDF, the cells and properties of a workbook.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import request from 'supertest';

/** A response's status, headers and raw body (supertest leaves binary bodies unparsed otherwise). */
export interface Raw { url: string; status: number; headers: Record<string, string>; body: Buffer }

type Req = ReturnType<ReturnType<typeof request.agent>['get']>;

/** Runs a request keeping the body as bytes whatever its type. */
export async function raw(url: string, req: Req): Promise<Raw> {
  const res = await req.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { url, status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** Every missing or wrong security header of a response. */
export function headerProblems(r: Raw): string[] {
  const out: string[] = [];
  const csp = r.headers['content-security-policy'] ?? '';
  if (!/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/.test(csp)) out.push('CSP without a script nonce');
  for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    if (!csp.includes(d)) out.push(`CSP without ${d}`);
  }
  if (csp.includes('unsafe-inline') || csp.includes('unsafe-eval')) out.push('CSP allows unsafe-inline/eval');
  if (r.headers['x-content-type-options'] !== 'nosniff') out.push('no nosniff');
  if (r.headers['referrer-policy'] !== 'same-origin') out.push(`Referrer-Policy ${r.headers['referrer-policy']}`);
  if (r.headers['x-powered-by'] !== undefined) out.push('X-Powered-By sent');
  if (r.headers['cache-control'] !== 'no-store') out.push(`Cache-Control ${r.headers['cache-control']}`);
  return out.map((p) => `${r.status} ${r.url}: ${p}`);
}

const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>[\]]+ \(?[^()\s]*:\d+:\d+\)?/],
  ['an error name', /\b\w*Error: /],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM) [\w"*]|syntax error|relation "/],
  ['a file path', /\/work\/|node_modules|\/home\/|\/src\/\w+\.ts|\.ejs:\d/],
  ['a library name', /\b(express|knex|ejs|pg-protocol|pglite|pdfkit|exceljs|helmet|csrf-sync|passport)\b/i],
];

/** Every leak found in a text (data: URLs and nonces, random base64, are not read). */
export function leaksIn(text: string): string[] {
  const readable = text.replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, '').replace(/nonce(-|=")[A-Za-z0-9+/=]+/g, '');
  return LEAKS.filter(([, re]) => re.test(readable)).map(([what, re]) => `${what} (${re.exec(readable)![0]})`);
}

/** Text and metadata of PDFs, in one plain Node child process (pdf.js does not load inside jest's sandbox). */
export function pdfTexts(pdfs: Buffer[]): string[] {
  if (pdfs.length === 0) return [];
  const script = `
    const { PDFParse } = require('pdf-parse');
    let input = '';
    process.stdin.on('data', (c) => { input += c; });
    process.stdin.on('end', async () => {
      const out = [];
      for (const b64 of JSON.parse(input)) {
        const parser = new PDFParse({ data: new Uint8Array(Buffer.from(b64, 'base64')) });
        const text = await parser.getText();
        const info = await parser.getInfo();
        await parser.destroy();
        out.push(text.text + '\\n' + JSON.stringify(info.info));
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    input: JSON.stringify(pdfs.map((b) => b.toString('base64'))), cwd: join(__dirname, '../..'), maxBuffer: 256 << 20,
  });
  return JSON.parse(out.toString('utf8')) as string[];
}

/** A workbook's cell texts and document properties. */
export async function xlsxText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const parts: string[] = [wb.creator, wb.lastModifiedBy, wb.company, wb.manager, wb.title, wb.subject, wb.keywords, wb.category, wb.description]
    .filter((v): v is string => typeof v === 'string');
  wb.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text ?? ''))));
  });
  return parts.join('\n');
}

export const kindOf = (r: Raw) => {
  const type = r.headers['content-type'] ?? '';
  if (type.includes('pdf')) return 'pdf';
  if (type.includes('spreadsheetml')) return 'xlsx';
  return 'text';
};
