/**
 * One browser on the real pages, as a person uses them: it keeps its cookies, shows one page
 * at a time, and fills a form of the page it shows with that form's own hidden fields (the
 * CSRF token, the one-time form token, a version, `next`). Nothing is read from the database.
 */
import { Express } from 'express';
import request from 'supertest';

export interface Shown {
  /** Path and query of the page (or of the form the page was the answer to). */
  path: string;
  status: number;
  html: string;
  /** Where a redirect sends the browser (path and query), else null. */
  location: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#34;': '"', '&quot;': '"', '&#39;': "'" };

/** Text as the page shows it (EJS escapes & < > " '). */
export const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#34|#39);/g, (e) => ENTITIES[e]);

const pathOf = (url: string) => {
  const u = new URL(url, 'http://app.invalid');
  return `${u.pathname}${u.search}`;
};

/** The hidden inputs of the form on the page that posts to `action`. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0]).find((f) => f.match(/^<form\b[^>]*\baction="([^"]*)"/)?.[1] === action);
  if (!form) throw new Error(`the page has no form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/g)) {
    const name = input.match(/\bname="([^"]*)"/)?.[1];
    if (name) fields[name] = unescapeHtml(input.match(/\bvalue="([^"]*)"/)?.[1] ?? '');
  }
  return fields;
}

/** What a page says about itself: its heading and any error (for a failure message). */
export function saysOf(html: string): string {
  return [...html.matchAll(/<(h1|p class="error-text"|div class="error-summary")[^>]*>([\s\S]*?)<\/(h1|p|div)>/g)]
    .map((m) => m[2].replace(/<[^>]+>/g, '').trim()).join(' / ');
}

export class Browser {
  private readonly agent: ReturnType<typeof request.agent>;
  shown: Shown = { path: '', status: 0, html: '', location: null };

  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async open(path: string): Promise<Shown> {
    return this.keep(path, await this.agent.get(path));
  }

  /** Submits the form of the shown page that posts to `action`, with what the person typed. */
  async submit(action: string, typed: Record<string, string | string[]> = {}): Promise<Shown> {
    const body = { ...hiddenFields(this.shown.html, action), ...typed };
    return this.keep(action, await this.agent.post(action).type('form').send(body));
  }

  /** Follows redirects to the page they end at; throws past `max` of them. */
  async settle(max = 5): Promise<Shown> {
    for (let i = 0; this.shown.location !== null; i++) {
      if (i === max) throw new Error(`more than ${max} redirects, at ${this.shown.location}`);
      await this.open(this.shown.location);
    }
    return this.shown;
  }

  private keep(path: string, res: request.Response): Shown {
    const location = REDIRECTS.has(res.status) ? pathOf(String(res.headers.location)) : null;
    this.shown = { path: pathOf(path), status: res.status, html: res.text ?? '', location };
    return this.shown;
  }
}
