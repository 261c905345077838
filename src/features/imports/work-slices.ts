import { SLICE_MS } from './import-limits';

/**
 * Long synchronous work (reading a big file, checking its rows) cut into slices, so that one
 * upload never holds up everyone else: when `due()`, `await pause()` lets the requests that
 * arrived meanwhile run before the work goes on.
 */
export function workSlices(ms = SLICE_MS) {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= ms,
    async pause(): Promise<void> {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    },
  };
}
