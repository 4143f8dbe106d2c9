import { describe, expect, it } from 'vitest';
import { withMachineCpu } from './machine-cpu.js';

describe.runIf(process.platform === 'linux')("the machine's busy CPU", () => {
  it('counts at least the CPU this process spins for', async () => {
    const { result, busyMs } = await withMachineCpu(async () => {
      const until = performance.now() + 300;
      let spins = 0;
      while (performance.now() < until) spins++;
      return spins;
    });
    expect(result).toBeGreaterThan(0);
    // 300 ms of one core, read at the kernel's 10 ms ticks: well over 200 whatever else runs.
    expect(busyMs).toBeGreaterThan(200);
  });
});
