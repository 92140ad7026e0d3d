/**
 * The conformance suite: one table of cases that every registered backend runs, in Node (vitest) and in
 * Chromium (bundled into a page). Framework-neutral on purpose: `checkBackend` returns what it found, and
 * the test on each side asserts that nothing is wrong.
 *
 * Reproducible backends must equal `loop` exactly (inside, samples, group counts, shard); the others must
 * draw the same number of points and land within 4 standard errors of π. Each backend also runs once per
 * value of each of its options (every thread count that matters, every tfjs backend); a variant that
 * cannot run here must say so with BACKEND_UNAVAILABLE, and nothing else.
 */
import {
  BLOCK_SIZE,
  isPiError,
  planSamples,
  resolveEstimateOptions,
  type BackendDescriptor,
  type BackendOptionsGiven,
  type EstimateOptions,
  type Estimator,
  type GeneratorName,
  type PiResult,
} from '@pi/core';

/** One row of the table. `equal` cases compare with loop; the others check run-time behaviour. */
export interface ConformanceCase {
  readonly name: string;
  readonly kind: 'equal' | 'abort' | 'already-aborted';
  readonly options: EstimateOptions;
}

const GENERATORS: readonly GeneratorName[] = ['xoshiro128p', 'numba'];

const PLANS: ReadonlyArray<readonly [string, EstimateOptions]> = [
  ['one point', { samples: 1 }],
  ['a block less one', { samples: BLOCK_SIZE - 1, seed: 1 }],
  ['a block and one point', { samples: BLOCK_SIZE + 1, seed: 2 ** 53 - 1 }],
  ['awkward size, large seed', { samples: 37 * BLOCK_SIZE + 4321, seed: 12_345_678_901 }],
  // Enough points that xoshiro128p's rare exact settlement near the circle is taken hundreds of times.
  ['2^22 + 7 points', { samples: 2 ** 22 + 7, seed: 1234 }],
  ['fewer streams than SIMD lanes', { groups: { pointsPerGroup: 1001, groups: 7 }, seed: 0 }],
  ['groups of one point', { groups: { pointsPerGroup: 1, groups: 13 }, seed: 5 }],
  ['groups 1001 × 130', { groups: { pointsPerGroup: 1001, groups: 130 }, seed: 99 }],
  ["the seed's 500 × 64, seed 1234", { groups: { pointsPerGroup: 500, groups: 64 }, seed: 1234 }],
  ['shard 1 of 3', { samples: 20 * BLOCK_SIZE + 3, seed: 3, shard: { index: 1, count: 3 } }],
  ['an empty shard', { samples: 10, seed: 3, shard: { index: 0, count: 2 } }],
];

/** Every case: each plan with each generator, an abort after the first progress report, an aborted signal. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  ...GENERATORS.flatMap((generator) =>
    PLANS.map(([name, options]): ConformanceCase => ({ name: `${name}, ${generator}`, kind: 'equal', options: { ...options, generator } })),
  ),
  { name: 'progress, then an abort: whole blocks, a prefix of the plan', kind: 'abort', options: { samples: 2 ** 53 - 1, seed: 7 } },
  { name: 'an already aborted signal counts nothing', kind: 'already-aborted', options: { samples: 1e9, seed: 1 } },
];

/**
 * Cases a backend cannot run, with the reason, by backend id and case name. A backend listed here runs
 * every other case.
 */
export const EXCLUSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

/** A backend with some of its options set: what one group of cases runs on. */
export interface Variant {
  readonly label: string;
  readonly options: BackendOptionsGiven;
}

/** The default, then each option alone at each value worth checking (integers: min, 2, 3 and 7 where allowed). */
export function variants(descriptor: BackendDescriptor): Variant[] {
  const out: Variant[] = [{ label: 'defaults', options: {} }];
  for (const option of descriptor.options) {
    const { values } = option;
    const each =
      values.kind === 'choice'
        ? values.choices
        : [values.min, 2, 3, 7].filter((v, i, all) => v >= values.min && v <= values.max && all.indexOf(v) === i);
    for (const value of each) out.push({ label: `${option.name} ${value}`, options: { [option.name]: value } });
  }
  return out;
}

/** What one case found: nothing wrong (`problems` empty), or what was. */
export interface CaseReport {
  readonly name: string;
  readonly problems: string[];
  readonly excluded?: string;
}

const describeResult = (r: PiResult) =>
  JSON.stringify({ inside: r.inside, samples: r.samples, status: r.status, groupCounts: r.groupCounts?.length, shard: r.shard });

function sameAsLoop(result: PiResult, reference: PiResult, problems: string[]): void {
  const pairs: Array<[string, unknown, unknown]> = [
    ['inside', result.inside, reference.inside],
    ['samples', result.samples, reference.samples],
    ['groupCounts', JSON.stringify(result.groupCounts), JSON.stringify(reference.groupCounts)],
    ['shard', JSON.stringify(result.shard), JSON.stringify(reference.shard)],
  ];
  for (const [name, ours, loops] of pairs) if (ours !== loops) problems.push(`${name} ${String(ours)}, loop says ${String(loops)}`);
}

function withinFourStandardErrors(result: PiResult, reference: PiResult, problems: string[]): void {
  if (result.samples !== reference.samples) problems.push(`samples ${result.samples}, the plan has ${reference.samples}`);
  // Below a block, the standard error of a handful of points says little; the count is checked above.
  if (result.samples >= BLOCK_SIZE && !(Math.abs(result.pi - Math.PI) < 4 * result.standardError)) {
    problems.push(`π̂ ${result.pi} is not within 4 standard errors (${result.standardError}) of π`);
  }
}

async function runCase(
  estimator: Estimator,
  descriptor: BackendDescriptor,
  reference: Estimator,
  testCase: ConformanceCase,
): Promise<string[]> {
  const problems: string[] = [];
  const resolved = resolveEstimateOptions(testCase.options);
  if (testCase.kind === 'already-aborted') {
    const r = await estimator.run({ ...resolved, signal: AbortSignal.abort() });
    if (r.status !== 'aborted' || r.samples !== 0 || r.inside !== 0)
      problems.push(`expected an empty aborted result, got ${describeResult(r)}`);
    return problems;
  }
  if (testCase.kind === 'abort') {
    const controller = new AbortController();
    let reports = 0;
    let monotone = true;
    let last = 0;
    // A backend that never reports progress is stopped after 10 s, and said to.
    const timer = setTimeout(() => controller.abort(), 10_000);
    const r = await estimator.run({
      ...resolved,
      signal: controller.signal,
      onProgress: (p) => {
        // After an abort the last report may step back to the prefix the result keeps (workers settle on
        // the streams done in order); before it, progress only grows.
        if (!controller.signal.aborted) {
          monotone &&= p.samplesDone >= last && p.samplesDone <= p.samplesTotal && p.samplesTotal === planSamples(resolved.plan);
        }
        last = p.samplesDone;
        if (p.samplesDone > 0 && ++reports === 1) controller.abort();
      },
    });
    clearTimeout(timer);
    if (reports === 0) problems.push('no progress report with points done within 10 s');
    if (!monotone) problems.push('progress went backwards, past its total, or named another total');
    if (r.status !== 'aborted') problems.push(`status ${r.status} after an abort`);
    if (r.samples % BLOCK_SIZE !== 0) problems.push(`${r.samples} samples after an abort: not whole blocks`);
    if (descriptor.reproducible && r.samples > 0) {
      const prefix = await reference.run(resolveEstimateOptions({ ...testCase.options, samples: r.samples }));
      if (prefix.inside !== r.inside)
        problems.push(`aborted with ${r.inside} inside; loop counts ${prefix.inside} on those ${r.samples} points`);
    }
    return problems;
  }
  const [result, expected] = [await estimator.run(resolved), await reference.run(resolved)];
  if (result.status !== 'completed') problems.push(`status ${result.status}`);
  if (result.reproducible !== descriptor.reproducible) problems.push(`result says reproducible: ${result.reproducible}`);
  if (!result.backend.startsWith(descriptor.id)) problems.push(`result names backend ${result.backend}`);
  if (descriptor.reproducible) sameAsLoop(result, expected, problems);
  else withinFourStandardErrors(result, expected, problems);
  return problems;
}

/**
 * Runs every case on one variant of a backend, against `reference` (loop). A variant that cannot run
 * here (create or the first run rejects with BACKEND_UNAVAILABLE) gives one report saying so, which the
 * caller checks against the backend's own probe.
 */
export async function checkVariant(
  descriptor: BackendDescriptor,
  variant: Variant,
  reference: Estimator,
  cases: readonly ConformanceCase[] = CONFORMANCE_CASES,
): Promise<{ unavailable?: string; reports: CaseReport[] }> {
  let estimator: Estimator;
  try {
    estimator = await descriptor.create(variant.options);
  } catch (error) {
    if (isPiError(error) && error.code === 'BACKEND_UNAVAILABLE') return { unavailable: error.message, reports: [] };
    throw error;
  }
  const reports: CaseReport[] = [];
  try {
    for (const testCase of cases) {
      const excluded = EXCLUSIONS[descriptor.id]?.[testCase.name];
      if (excluded !== undefined) {
        reports.push({ name: testCase.name, problems: [], excluded });
        continue;
      }
      try {
        reports.push({ name: testCase.name, problems: await runCase(estimator, descriptor, reference, testCase) });
      } catch (error) {
        if (reports.length === 0 && isPiError(error) && error.code === 'BACKEND_UNAVAILABLE')
          return { unavailable: error.message, reports: [] };
        reports.push({
          name: testCase.name,
          problems: [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`],
        });
      }
    }
  } finally {
    await estimator.dispose?.();
  }
  return { reports };
}
