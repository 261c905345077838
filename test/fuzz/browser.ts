/** A browser's way with forms: open the page, take the form as it would be sent, type over some fields, send. */
import { Agent } from '../helpers/agent';
import { formsIn, Pair } from './forms';

/** The form posting to `action` on `page`, as the browser would send it, with `changes` typed over it. */
export async function openForm(agent: Agent, page: string, action: string, changes: Record<string, string> = {}): Promise<Pair[]> {
  const res = await agent.get(page);
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  const form = formsIn(res.text).find((f) => f.action === action);
  if (!form) throw new Error(`no form posting to ${action} on ${page}`);
  return [...form.pairs.filter(([k]) => !(k in changes)), ...Object.entries(changes)];
}

/** Posts pairs urlencoded (repeated names kept). */
export const send = (agent: Agent, action: string, pairs: Pair[]) =>
  agent.post(action).type('form').send(new URLSearchParams(pairs).toString());

/** Opens the form and sends it with `changes`. */
export async function submit(agent: Agent, page: string, action: string, changes: Record<string, string> = {}) {
  return send(agent, action, await openForm(agent, page, action, changes));
}

/** The one-time form token in a form's pairs. */
export const tokenOf = (pairs: Pair[]) => pairs.find(([k]) => k === '_form')?.[1];
