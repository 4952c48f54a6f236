import { describe, expect, it } from 'vitest';
import { mayKeep, type Trace } from '../../src/core/base/private-window';

const TRACES: Trace[] = ['recent-signin', 'learned-refusal', 'learned-names', 'user-choice'];

describe('what a sign-in from a private window leaves behind', () => {
  it('keeps everything from a normal window', () => {
    for (const trace of TRACES) expect(mayKeep(trace, false)).toBe(true);
  });

  it('keeps from a private window only what the user chose by hand', () => {
    expect(TRACES.filter((trace) => mayKeep(trace, true))).toEqual(['user-choice']);
  });
});
