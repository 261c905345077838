/**
 * Unique violations (SQLSTATE 23505). A create checks for the key first, which gives the form its
 * message; two requests creating the same record at once both pass that check, and the unique
 * index stops the second. unlessTaken turns that into the same answer as the check.
 */

/** The unique index (or constraint) a statement broke, and its table; null for any other error. */
export function uniqueViolation(e: unknown): { constraint: string; table: string } | null {
  const err = e as { code?: unknown; constraint?: unknown; table?: unknown } | null;
  if (err?.code !== '23505') return null;
  return { constraint: String(err.constraint ?? ''), table: String(err.table ?? '') };
}

/** work(), or `taken` when it broke one of `indexes` (another request saved the same key first). */
export async function unlessTaken<T, U>(indexes: readonly string[], taken: U, work: () => Promise<T>): Promise<T | U> {
  try {
    return await work();
  } catch (e) {
    const broke = uniqueViolation(e);
    if (broke && indexes.includes(broke.constraint)) return taken;
    throw e;
  }
}
