import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARMING_MS, armingLeft, clickArmed } from '../../src/core/base/click-arming';

describe('click arming', () => {
  it('refuses a pointer click within the arming time after the page was shown or focused', () => {
    expect(clickArmed({ timeStamp: 1_000, detail: 1 }, 1_000)).toBe(false);
    expect(clickArmed({ timeStamp: 1_000 + ARMING_MS - 1, detail: 1 }, 1_000)).toBe(false);
    expect(clickArmed({ timeStamp: 1_000 + ARMING_MS - 1, detail: 2 }, 1_000)).toBe(false);
  });

  it('takes a pointer click once the arming time has passed', () => {
    expect(clickArmed({ timeStamp: 1_000 + ARMING_MS, detail: 1 }, 1_000)).toBe(true);
    expect(clickArmed({ timeStamp: 60_000, detail: 1 }, 1_000)).toBe(true);
  });

  it('always takes a click the keyboard made (detail 0)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (at, shown) => clickArmed({ timeStamp: at, detail: 0 }, shown)));
  });

  it('never takes a pointer click earlier than the arming time after any showing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: ARMING_MS - 1 }), fc.integer({ min: 1, max: 5 }), (shown, after, detail) =>
        !clickArmed({ timeStamp: shown + after, detail }, shown),
      ),
    );
  });

  it('says how long the arming has left', () => {
    expect(armingLeft(1_000, 1_000)).toBe(ARMING_MS);
    expect(armingLeft(1_200, 1_000)).toBe(ARMING_MS - 200);
    expect(armingLeft(1_000 + ARMING_MS + 5, 1_000)).toBe(0);
  });
});
