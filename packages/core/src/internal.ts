/**
 * @pi/core/internal: machinery the project's own executors share (the run tally that counts, reports
 * and stops every backend alike; the event-loop yield). Not part of the public API: it may change in any
 * release. A backend of one's own may use it, knowing that.
 */
export { RunTally, PROGRESS_MS, type RunIdentity } from './runTally.js';
export { yieldToEventLoop } from './yieldToEventLoop.js';
