/** The person form as a browser sends it (persons are inserted with insertPerson in test/helpers/factories.ts). */
import { BLANK_PERSON } from '../../helpers/factories';

/** The full form body for a person, every field present as a browser sends it. */
export function personForm(v: Record<string, string>): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(BLANK_PERSON).map((k) => [k, '']));
  return { ...blank, ...v };
}
