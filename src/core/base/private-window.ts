// Private windows, policy half: what may be kept from one. Telling whether a tab is in one is src/platform/private-window.ts.
// What a sign-in from a private (incognito) window may leave behind. Chrome runs the extension there
// in a process of its own ("incognito": "split"), but storage.sync and storage.local are the same
// as the normal windows': whatever is written there outlives the private window, and sync carries
// it to the user's other devices. Firefox shares them too.

/** Something a sign-in can write to lasting storage. */
export type Trace =
  /** The role and region used, per IdP app (settings `recent`, synced). */
  | 'recent-signin'
  /** That an IdP app's assertions are refused by other regions' SAML endpoints (storage.local). */
  | 'learned-refusal'
  /** Account aliases read, without being asked, from AWS's role page the user went to (storage.local). */
  | 'learned-names'
  /** The automatic failover check's outcome (storage.local): it runs unasked, so not there at all. */
  | 'automatic-check'
  /**
   * What the user asked for by hand: a pin, "skip the picker next time", the CLI format, a declined
   * offer, account names fetched with "Get account names from AWS".
   */
  | 'user-choice';

/**
 * Whether `trace` may be written. From a private window only what the user chose by hand is kept:
 * the rest would record, without being asked, which accounts and roles were used there.
 */
export function mayKeep(trace: Trace, privateWindow: boolean): boolean {
  return !privateWindow || trace === 'user-choice';
}
