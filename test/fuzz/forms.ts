/** Reads the POST forms of a page the way a browser would submit them untouched, and matches them to routes. */
import { RouteSpec } from '../../src/http/routes';

export type Pair = [string, string];

export interface FoundForm {
  action: string;
  /** What the browser sends untouched (no buttons): in document order, repeated names kept. */
  pairs: Pair[];
  /** Each select's non-blank option values (and each radio group's values): choices a filler may pick. */
  choices: Record<string, string[]>;
}

const decode = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : null;
};

function readForm(action: string, body: string): FoundForm {
  const pairs: Pair[] = [];
  const choices: Record<string, string[]> = {};
  const fields = /<input\b[^>]*>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g;
  for (const m of body.matchAll(fields)) {
    if (m[0].startsWith('<input')) {
      const name = attr(m[0], 'name');
      const type = attr(m[0], 'type') ?? 'text';
      if (!name || type === 'submit' || type === 'button' || type === 'file') continue;
      const value = attr(m[0], 'value') ?? (type === 'checkbox' ? 'on' : '');
      if (type === 'radio') (choices[name] ??= []).push(value);
      if ((type === 'radio' || type === 'checkbox') && !/\schecked\b/.test(m[0])) continue;
      pairs.push([name, value]);
    } else if (m[0].startsWith('<select')) {
      const name = attr(m[1], 'name');
      if (!name) continue;
      const options = [...m[2].matchAll(/<option\b[^>]*>/g)].map((o) => ({ tag: o[0], value: attr(o[0], 'value') ?? '' }));
      const selected = options.find((o) => /\sselected\b/.test(o.tag)) ?? options[0];
      pairs.push([name, selected?.value ?? '']);
      choices[name] = options.map((o) => o.value).filter((v) => v !== '');
    } else {
      const name = attr(m[3], 'name');
      if (name) pairs.push([name, decode(m[4].replace(/^\n/, ''))]);
    }
  }
  return { action, pairs, choices };
}

/** Every POST form in a page (its action without query or fragment). */
export function formsIn(html: string): FoundForm[] {
  const out: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attr(m[1], 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (attr(m[1], 'action') ?? '').replace(/[?#].*$/, '');
    out.push(readForm(action, m[2]));
  }
  return out;
}

const paramCount = (r: RouteSpec) => (r.path.match(/:/g) ?? []).length;
const pattern = (r: RouteSpec) => new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/** The POST route a form posts to; the most literal one when several match ('/admin/masters/settings' over '/:kind'). */
export function routeOfAction(action: string, routes: RouteSpec[]): RouteSpec | undefined {
  return routes.filter((r) => r.method === 'post' && pattern(r).test(action)).sort((a, b) => paramCount(a) - paramCount(b))[0];
}

export const routeKey = (r: RouteSpec) => `${r.method.toUpperCase()} ${r.path}`;

/** Collects, per POST route, every distinct form found on the given pages. */
export class FormCatalog {
  private readonly byRoute = new Map<string, FoundForm[]>();

  constructor(private readonly routes: RouteSpec[]) {}

  add(html: string): void {
    for (const form of formsIn(html)) {
      const route = routeOfAction(form.action, this.routes);
      if (!route) continue;
      const list = this.byRoute.get(routeKey(route)) ?? [];
      const shape = form.pairs.map(([k]) => k).join('&');
      if (!list.some((f) => f.pairs.map(([k]) => k).join('&') === shape)) list.push(form);
      this.byRoute.set(routeKey(route), list);
    }
  }

  formsFor(route: RouteSpec): FoundForm[] {
    return this.byRoute.get(routeKey(route)) ?? [];
  }
}
