// When the automatic failover check (setting `automaticFailoverCheck`) may run again for an IdP app:
// after a normal sign-in, at most once a week, for the roles the user uses.
import { MAX_CHECKED_ROLES } from './failover-check';

const DAY_MS = 24 * 60 * 60_000;
/** The shortest time between two automatic checks of one IdP app. */
export const AUTOMATIC_CHECK_EVERY_MS = 7 * DAY_MS;

/**
 * True when the app was never checked automatically, or last a week or more ago. A last run more than
 * a day after `now` means the clock went back (or the date is wrong): due, so that a date in the future
 * cannot stop the check for good.
 */
export function automaticCheckDue(lastRunAt: number | undefined, now: number): boolean {
  if (lastRunAt === undefined || !Number.isFinite(lastRunAt)) return true;
  return lastRunAt > now + DAY_MS || now - lastRunAt >= AUTOMATIC_CHECK_EVERY_MS;
}

/** The roles it takes: those the user uses (pinned, recent) that this assertion has, once each, at most as many as a check by hand. */
export function automaticCheckRoles(roleArns: readonly string[], used: readonly string[]): string[] {
  const here = new Set(roleArns);
  return [...new Set(used)].filter((arn) => here.has(arn)).slice(0, MAX_CHECKED_ROLES);
}
