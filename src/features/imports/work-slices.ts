import { SLICE_MS } from './import-limits';

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
