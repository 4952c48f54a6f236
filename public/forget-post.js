// The picker's first script, classic and synchronous in its <head>, so it runs as soon as the page
// commits. Chromium loads the picker by the IdP's POST (the redirect keeps it) and records the new
// history entry, with that body (the assertion), for the session file. It saves those records
// about every 2.5 s, and a record still waiting is replaced by a newer one of the same entry:
// replacing the entry here, before anything else loads, leaves one without a body in its place.
// (The rest of the picker is a module, which runs only after the whole document and its bundle.)
history.replaceState(null, '', location.href);
