import { expect, test } from 'vitest';
import { openNodeGpu, runTransferDemo } from './index.js';

test("increment_by_one: both ways end with 1 + launches everywhere, and both are timed", async () => {
  const { device } = await openNodeGpu();
  const r = await runTransferDemo(device, { length: 10_000, launches: 25 });
  expect(r.correct).toBe(true);
  expect(r.roundTripSeconds).toBeGreaterThan(0);
  expect(r.keptOnDeviceSeconds).toBeGreaterThan(0);
  expect(r.ratio).toBeCloseTo(r.roundTripSeconds / r.keptOnDeviceSeconds, 10);
  // An odd length checks the bounds guard of the last workgroup.
  expect((await runTransferDemo(device, { length: 1001, launches: 3 })).correct).toBe(true);
});
