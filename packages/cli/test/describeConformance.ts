import type { BackendRegistry } from '@pi/core';
import { loop } from '@pi/cpu';
import { describe, expect, test } from 'vitest';
import { CONFORMANCE_CASES, checkVariant, variants } from './conformance.js';

/**
 * Registers one vitest test per backend variant of `registry`, each running the whole conformance table
 * (see conformance.ts). A backend added to the registry, here or in a test file, is checked with no test
 * of its own.
 */
export function describeConformance(registry: BackendRegistry): void {
  for (const descriptor of registry.list()) {
    describe(`conformance: ${descriptor.id} (${descriptor.reproducible ? 'equal to loop' : 'within 4 standard errors'})`, () => {
      for (const variant of variants(descriptor)) {
        test(`${variant.label}: ${CONFORMANCE_CASES.length} cases`, async ({ annotate }) => {
          const { unavailable, reports } = await checkVariant(descriptor, variant, loop);
          if (unavailable !== undefined) {
            // Allowed only as the documented refusal: BACKEND_UNAVAILABLE naming the backend.
            expect(unavailable).toMatch(new RegExp(`^${descriptor.id}\\b`));
            await annotate(`not available here: ${unavailable}`);
            return;
          }
          for (const r of reports.filter((r) => r.excluded !== undefined)) await annotate(`excluded: ${r.name}: ${r.excluded}`);
          expect(reports.filter((r) => r.problems.length > 0)).toEqual([]);
          expect(reports).toHaveLength(CONFORMANCE_CASES.length);
        }, 180_000);
      }
    });
  }
}
