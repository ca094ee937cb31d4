import { afterAll, expect } from 'vitest';
import { leaks } from '../fixtures/secrets.js';

// Runs after every test file: no log line, answer or process output of the file held a secret.
afterAll(() => {
  expect(leaks(), 'a secret appeared in captured output').toEqual([]);
});
