// Chrome's offscreen document for clearing copied CLI credentials (src/platform/clipboard.ts): a
// service worker has no clipboard. It runs once, while the document loads, before Chrome reports the
// document created; the worker then closes it. A copy command with a handler that sets the text
// writes an empty text to the clipboard whatever is selected (there is nothing to select here).
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
