// Where the DNR redirect sends an IdP's sign-in POST: the picker, behind a long fragment.
//
// Chromium's redirect keeps the POST, so the picker's new history entry holds the IdP's body (the
// assertion) in its page state, and the session service records that entry for `Sessions/Session_*`
// when the page commits, before any script of the page can replace it. Chromium writes each history
// entry's record within 64 KiB (SessionCommand sizes are 16-bit: 65,535 - 1,024 bytes for the URL,
// the title, the page state, ...) and writes an empty string for any field that would not fit
// (SerializedNavigationEntry::WriteToPickle). The page state holds the URL again (as UTF-16 today), so
// with a URL of PICKER_REDIRECT_PADDING characters the URL still fits (a restore finds the page) but
// the page state, and the body in it, never does, whenever and however often the entry is recorded
// before public/forget-post.js replaces it by the plain picker URL. The picker reads no fragment.

/** Characters of fragment: twice this exceeds the record's budget even if the URL were stored once as UTF-8. */
export const PICKER_REDIRECT_PADDING = 32_768;

/** Chromium's budget for one history entry's record (strings of an UpdateTabNavigation command). */
export const SESSION_RECORD_BUDGET = 65_535 - 1_024;

export function pickerRedirectPath(pickerPath: string): string {
  return `${pickerPath}#${'-'.repeat(PICKER_REDIRECT_PADDING)}`;
}
