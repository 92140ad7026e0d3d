import { expect, test } from 'vitest';
import { maxTransferLength, openNodeGpu, runTransferDemo } from './index.js';

test('increment_by_one: both ways end with 1 + launches everywhere, and both are timed', async () => {
  const { device } = await openNodeGpu();
  const r = await runTransferDemo(device, { length: 10_000, launches: 25 });
  expect(r.correct).toBe(true);
  expect(r.roundTripSeconds).toBeGreaterThan(0);
  expect(r.keptOnDeviceSeconds).toBeGreaterThan(0);
  expect(r.ratio).toBeCloseTo(r.roundTripSeconds / r.keptOnDeviceSeconds, 10);
  // An odd length checks the bounds guard of the last workgroup.
  expect((await runTransferDemo(device, { length: 1001, launches: 3 })).correct).toBe(true);
});

test('lengths past 65,535 workgroups of one dimension run as a 2-D dispatch; past the device limit they are refused', async () => {
  const { device } = await openNodeGpu();
  // 4,194,241 is the first length one dimension of 64-thread workgroups cannot cover.
  expect(await runTransferDemo(device, { length: 4_194_241, launches: 2 })).toMatchObject({ correct: true, status: 'completed' });
  const most = maxTransferLength(device.limits);
  expect(most).toBeGreaterThanOrEqual(2 ** 24);
  await expect(runTransferDemo(device, { length: most + 1, launches: 1 })).rejects.toThrow(
    /length: \d+ is not allowed; expected an integer in \[1, \d+\]/,
  );
}, 120_000);

test('an abort between launches ends the demo with status "aborted"', async () => {
  const { device } = await openNodeGpu();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 300);
  const started = performance.now();
  const r = await runTransferDemo(device, { length: 1_000_000, launches: 10_000, signal: controller.signal });
  expect(r.status).toBe('aborted');
  expect(r.correct).toBe(false);
  expect(performance.now() - started).toBeLessThan(10_000);
}, 60_000);

test('onProgress hears each way in order, launches done rising to all of them', async () => {
  const { device } = await openNodeGpu();
  const seen: { phase: string; launchesDone: number; launches: number }[] = [];
  const r = await runTransferDemo(device, {
    length: 1_000_000,
    launches: 130,
    onProgress: ({ phase, launchesDone, launches, elapsedSeconds }) => {
      expect(elapsedSeconds).toBeGreaterThanOrEqual(0);
      seen.push({ phase, launchesDone, launches });
    },
  });
  expect(r.correct).toBe(true);
  const phases = seen.map((p) => p.phase);
  expect(phases.indexOf('kept on device')).toBeGreaterThan(phases.lastIndexOf('round trips'));
  for (const phase of ['round trips', 'kept on device']) {
    const done = seen.filter((p) => p.phase === phase).map((p) => p.launchesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(130);
  }
  expect(seen.every((p) => p.launches === 130)).toBe(true);
}, 120_000);
