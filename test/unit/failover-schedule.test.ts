import { describe, expect, it } from 'vitest';
import { AUTOMATIC_CHECK_EVERY_MS, automaticCheckDue } from '../../src/core/signin/failover-schedule';

const NOW = Date.UTC(2026, 11, 7, 9, 0);
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe('automaticCheckDue: at most once a week per IdP app', () => {
  it('is due when never run', () => {
    expect(automaticCheckDue(undefined, NOW)).toBe(true);
  });

  it('waits a full week after the last run', () => {
    expect(AUTOMATIC_CHECK_EVERY_MS).toBe(7 * DAY);
    expect(automaticCheckDue(NOW, NOW)).toBe(false);
    expect(automaticCheckDue(NOW - DAY, NOW)).toBe(false);
    expect(automaticCheckDue(NOW - 7 * DAY + 1, NOW)).toBe(false);
    expect(automaticCheckDue(NOW - 7 * DAY, NOW)).toBe(true);
    expect(automaticCheckDue(NOW - 30 * DAY, NOW)).toBe(true);
  });

  it('tolerates a clock a little ahead, and counts a last run over a day in the future as due (the clock went back)', () => {
    expect(automaticCheckDue(NOW + HOUR, NOW)).toBe(false);
    expect(automaticCheckDue(NOW + DAY, NOW)).toBe(false);
    expect(automaticCheckDue(NOW + DAY + 1, NOW)).toBe(true);
    expect(automaticCheckDue(NOW + 365 * DAY, NOW)).toBe(true);
  });

  it('counts an unreadable last run as never run', () => {
    expect(automaticCheckDue(Number.NaN, NOW)).toBe(true);
    expect(automaticCheckDue(Number.POSITIVE_INFINITY, NOW)).toBe(true);
  });
});
