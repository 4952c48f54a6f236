// The picker's first script, classic and synchronous in its <head>. Chromium loads the picker by the
// IdP's POST (the redirect keeps it) and keeps that body, the assertion, in the new history entry.
// The redirect's URL carries a long fragment, so every session record Chromium writes of that entry
// is too long to hold its page state, the body with it (src/core/signin/picker-redirect.ts). Replacing the
// entry here by the plain picker URL ends that: the entry then holds no body (and no padding), and
// every later record of it is a normal one. (The rest of the picker is a module, which runs only
// after the whole document and its bundle.)
history.replaceState(null, '', location.pathname + location.search);
