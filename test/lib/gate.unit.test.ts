import { createGate } from '../../src/lib/gate';

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('createGate', () => {
  it('runs at most `size` at once, the rest in arrival order, and every one runs', async () => {
    const gate = createGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => gate(async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await tick();
      running--;
      return i * 10;
    })));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('a failing piece of work gives its place to the next and passes its error on', async () => {
    const gate = createGate(1);
    const failed = gate(async () => { await tick(); throw new Error('壊れた'); });
    const next = gate(async () => 'ok');
    await expect(failed).rejects.toThrow('壊れた');
    await expect(next).resolves.toBe('ok');
    await expect(gate(async () => 'still open')).resolves.toBe('still open');
  });
});
