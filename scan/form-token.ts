import { FORM_TOKEN_FIELD } from '../src/http/one-time-form';

/**
 * Create forms carry a one-time `_form` token against double submits: the first POST with it
 * runs, every repeat is sent where the first went without running the handler. A scanner
 * replays one form hundreds of times with payloads, so with the token only its first request
 * would reach the code under test. The scan therefore sends create forms without the token
 * (the app then handles each POST on its own, as it does for forms that have none). A value
 * that is not token-shaped is a scanner's payload aimed at the field itself and is kept.
 */
const TOKEN_SEGMENT = new RegExp(`^${FORM_TOKEN_FIELD}=[A-Za-z0-9_-]{16,64}$`);

/** An urlencoded body without the token, byte for byte otherwise (payloads stay as sent). */
export function dropFormTokenFromBody(body: Buffer): { body: Buffer; dropped: boolean } {
  const segments = body.toString('latin1').split('&');
  const kept = segments.filter((s) => !TOKEN_SEGMENT.test(s));
  if (kept.length === segments.length) return { body, dropped: false };
  return { body: Buffer.from(kept.join('&'), 'latin1'), dropped: true };
}

export function dropFormToken(fields: Record<string, string>): Record<string, string> {
  const { [FORM_TOKEN_FIELD]: _token, ...rest } = fields;
  return rest;
}
