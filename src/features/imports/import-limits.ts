/**
 * The limits of the import pipeline (README「取り込み」). A file past them is refused whole,
 * never cut short; none is configurable.
 */

/** Data rows one file may hold (blank rows are not counted): a bigger ledger is split into several files. */


export const MAX_IMPORT_ROWS = 20_000;

/** Characters in one cell: Excel's own limit, so a longer cell cannot come from a real ledger. */
export const MAX_CELL_CHARS = 32_767;

/** Previews (files read and waiting for 「すべて取り込む」) one user keeps; a newer one replaces the oldest. */
export const MAX_PENDING_PREVIEWS = 3;

/** How long a preview can be confirmed; after that it is refused and removed. */
export const PREVIEW_TTL_HOURS = 2;
export const PREVIEW_TTL_MS = PREVIEW_TTL_HOURS * 60 * 60 * 1000;

/** The longest stretch of reading or checking rows before other people's requests get their turn. */
export const SLICE_MS = 5;

/**
 * Long synchronous work (reading a big file, checking its rows) cut into slices, so that one
 * upload never holds up everyone else: when `due()`, `await pause()` lets the requests that
 * arrived meanwhile run before the work goes on. The pause is a 1 ms timer, not setImmediate:
 * a page takes many steps (each query is one), and with setImmediate each of its steps would
 * wait behind a whole slice; during the timer they take as many steps as they can.
 */
export function workSlices(ms = SLICE_MS) {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= ms,
    async pause(): Promise<void> {
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
      started = performance.now();
    },
  };
}
