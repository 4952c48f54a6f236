// Click-jacking: a page can open the IdP tile in a window of its own (or raise one) right under the
// pointer, so that a click meant for the page lands on our "Sign in" as the picker appears. A pointer
// click that comes within ARMING_MS of the picker's buttons appearing, or of its window gaining
// focus or becoming visible, is not taken. The keyboard is never held back: a key press needs focus
// in the picker already, and signing in as last time stays one Enter.

/** How long the picker's actions stay unarmed after the page is shown or focused. */
export const ARMING_MS = 500;

/** What a click says about itself (a DOM MouseEvent has both). */
export interface ClickFacts {
  /** When it happened, on the same clock as `shownAt` (event.timeStamp and performance.now()). */
  readonly timeStamp: number;
  /**
   * The click count: 0 for a click the keyboard made (Enter or Space on a button, Enter in a form's
   * field), 1 or more for a pointer's.
   */
  readonly detail: number;
}

/** Whether a click may act, given when the page was last shown, focused or made visible. */
export function clickArmed(click: ClickFacts, shownAt: number): boolean {
  if (click.detail === 0) return true;
  return click.timeStamp - shownAt >= ARMING_MS;
}

/** How long until the actions are armed (0 when they are), for showing the arming. */
export function armingLeft(now: number, shownAt: number): number {
  return Math.max(0, shownAt + ARMING_MS - now);
}
