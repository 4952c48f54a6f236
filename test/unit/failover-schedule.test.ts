import { describe, expect, it } from 'vitest';
import { AUTOMATIC_CHECK_EVERY_MS, automaticCheckDue, automaticCheckRoles } from '../../src/core/signin/failover-schedule';
import { MAX_CHECKED_ROLES } from '../../src/core/signin/failover-check';

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

describe('automaticCheckRoles', () => {
  const roles = ['arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::111122223333:role/ReadOnly', 'arn:aws:iam::444455556666:role/Deploy'];

  it('takes the roles the user uses that this assertion has, once each, in the order given', () => {
    expect(automaticCheckRoles(roles, [roles[2]!, 'arn:aws:iam::999999999999:role/Gone', roles[2]!, roles[0]!])).toEqual([roles[2], roles[0]]);
  });

  it('takes none when the user uses none of them', () => {
    expect(automaticCheckRoles(roles, [])).toEqual([]);
    expect(automaticCheckRoles(roles, ['arn:aws:iam::999999999999:role/Gone'])).toEqual([]);
  });

  it('takes at most as many roles as a check by hand', () => {
    const many = Array.from({ length: 30 }, (_, i) => `arn:aws:iam::111122223333:role/R${i}`);
    expect(automaticCheckRoles(many, many)).toHaveLength(MAX_CHECKED_ROLES);
  });
});
