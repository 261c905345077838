/** Fixtures for the consultation tests: category ids by name, a form reader and the new-entry submit. */
import { Knex } from 'knex';
import { Agent } from '../../helpers/agent';

export async function categoryId(db: Knex, name: string, parent?: string): Promise<number> {
  const q = db('consultation_categories as c').where('c.name', name);
  if (parent) q.join('consultation_categories as p', 'p.id', 'c.parent_id').where('p.name', parent);
  else q.whereNull('c.parent_id');
  const row = await q.first('c.id');
  if (!row) throw new Error(`no category ${parent ?? ''}/${name}`);
  return row.id;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1].replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};

/**
 * What a browser would submit from the form posting to `action` without the user touching it:
 * text and hidden inputs, checked radios, each select's selected option, textareas. No buttons.
 */
export function formValues(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const type = attr(m[0], 'type') ?? 'text';
    if (!name || type === 'submit') continue;
    if ((type === 'radio' || type === 'checkbox') && !/\schecked\b/.test(m[0])) continue;
    out[name] = attr(m[0], 'value') ?? '';
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1], 'name')!;
    const selected = /<option\b[^>]*\sselected\b[^>]*>/.exec(m[2]) ?? /<option\b[^>]*>/.exec(m[2]);
    out[name] = selected ? (attr(selected[0], 'value') ?? '') : '';
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) out[attr(m[1], 'name')!] = m[2];
  return out;
}

/** The new-entry form as the browser would send it untouched, with `changes` typed over it. */
export async function submitNew(agent: Agent, changes: Record<string, string>, page = '/consultations/new') {
  const form = await agent.get(page);
  expect(form.status).toBe(200);
  return agent.post('/consultations').type('form').send({ ...formValues(form.text, '/consultations'), ...changes });
}

/** The ids linked from a list page's table body, in order. */
export function listedIds(html: string): number[] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<td><a href="\/consultations\/(\d+)">/g)].map((m) => Number(m[1]));
}

/** The next-page link of a list page, &amp; decoded. */
export function nextLink(html: string): string | null {
  const m = /<a href="([^"]+)" rel="next">/.exec(html);
  return m ? m[1].replace(/&amp;/g, '&') : null;
}
