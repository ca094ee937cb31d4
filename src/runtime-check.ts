/**
 * Imported first by every entry point: on an unsupported Node, says what to do and exits before
 * any other module (some of which need Node 22 or later) is evaluated.
 */
import { unsupportedRuntime } from './runtime.js';

const problem = unsupportedRuntime();
if (problem) {
  console.error(problem);
  process.exit(2);
}
