import { describeConformance } from '../test/describeConformance.js';
import { registry } from './registry.js';

// Every backend pi ships, over the one table of cases in test/conformance.ts.
describeConformance(registry);
