import { BackendRegistry, GENERATORS, StreamCursor, streamPoints, type BackendDescriptor } from '@pi/core';
import { RunTally } from '@pi/core/internal';
import { streamCounters } from '@pi/cpu';
import { describeConformance } from '../test/describeConformance.js';

/**
 * A backend that exists only here, as a descriptor: it takes start states eight streams at a time from
 * the public stream cursor and counts them with the public counters. The conformance suite runs it like
 * any other; no test of its own is written.
 */
const BATCH = 8;
const toy: BackendDescriptor = {
  id: 'toy',
  summary: 'streams counted in batches of eight',
  reproducible: true,
  generators: GENERATORS,
  hosts: ['node'],
  occupiesThread: true,
  options: [],
  probe: async () => ({ available: true, detail: 'always' }),
  create: async () => ({
    name: 'toy',
    reproducible: true,
    async run(options) {
      const tally = new RunTally(options);
      const count = streamCounters[options.generator];
      const cursor = new StreamCursor(options.generator, options.seed, tally.firstStream);
      const starts = new Int32Array(BATCH * 4);
      const counts: number[] = [];
      for (let done = 0; done < tally.streams && !tally.aborted; done += BATCH) {
        const first = tally.firstStream + done;
        const n = Math.min(BATCH, tally.streams - done);
        cursor.take(n, starts);
        counts.length = n;
        for (let i = 0; i < n; i++) counts[i] = count(starts.subarray(i * 4, i * 4 + 4), streamPoints(options.plan, first + i));
        tally.addStreams(first, counts);
        if (tally.pauseDue()) await tally.pause();
      }
      return tally.result({ backend: 'toy', reproducible: true });
    },
  }),
};

describeConformance(new BackendRegistry([toy]));
