// Chrome's offscreen document for clearing copied CLI credentials (src/platform/clipboard.ts): a
// service worker has no clipboard. It runs once, as the document loads, then tells the worker, which
// closes the document only then (Chrome may report the document created before this script ran). A
// copy command with a handler that sets the text writes an empty text to the clipboard whatever is
// selected (there is nothing to select here).
/* global chrome */
'use strict';
document.addEventListener(
  'copy',
  (event) => {
    event.clipboardData.setData('text/plain', '');
    event.preventDefault();
  },
  { once: true },
);
document.execCommand('copy');
chrome.runtime.sendMessage({ type: 'clipboard/cleared' }).catch(() => undefined);
