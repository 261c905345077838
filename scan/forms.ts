/**
 * Reads a rendered form's fields the way a browser would submit it untouched: hidden and text
 * inputs with their values, the selected (or first non-empty) option of each select, the checked
 * radio (or the first), checked boxes, textareas. Buttons are left out (no search sub-action).
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"', '#x27': "'" };
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decode(m[1]) : undefined;
}
const has = (tag: string, name: string) => new RegExp(`\\s${name}(?:[\\s=>/]|$)`, 'i').test(tag);

function formBody(html: string, action: string): string | null {
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    if (attr(m[1], 'action') === action && (attr(m[1], 'method') ?? 'get').toLowerCase() === 'post') return m[2];
  }
  return null;
}

export function harvestForm(html: string, action: string): Record<string, string> | null {
  const body = formBody(html, action);
  if (body === null) return null;
  const fields: Record<string, string> = {};
  for (const [tag] of body.matchAll(/<input\b[^>]*>/gi)) {
    const name = attr(tag, 'name');
    const type = (attr(tag, 'type') ?? 'text').toLowerCase();
    if (!name || ['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
    const value = attr(tag, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '');
    if (type === 'checkbox') { if (has(tag, 'checked')) fields[name] = value; continue; }
    if (type === 'radio' && name in fields && !has(tag, 'checked')) continue;
    fields[name] = value;
  }
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attr(m[1], 'name');
    if (!name) continue;
    const options = [...m[2].matchAll(/<option\b([^>]*)>/gi)].filter((o) => !has(o[1], 'disabled'))
      .map((o) => ({ value: attr(o[1], 'value') ?? '', selected: has(o[1], 'selected') }));
    fields[name] = (options.find((o) => o.selected && o.value) ?? options.find((o) => o.value))?.value ?? '';
  }
  for (const m of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const name = attr(m[1], 'name');
    if (name) fields[name] = decode(m[2]);
  }
  return fields;
}
