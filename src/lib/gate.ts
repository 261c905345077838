/**
 * At most `size` of some work at once; the rest wait their turn in arrival order. A finishing
 * piece of work hands its place straight to the next in line, so the count never overshoots.
 */
export function createGate(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
