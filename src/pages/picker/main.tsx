import { render } from 'preact';
import '../../ui/base.css';
import './picker.css';
import { App } from './app';
import { t } from '../../platform/i18n';

// A page that window.open()ed the IdP tile would keep a reference to this window as `opener`, and so
// would the console this tab signs in to: dropped first thing. (The opener keeps its own handle to
// this window: only the browser can take that away.)
window.opener = null;

// Chromium loads this page by the IdP's POST (the DNR redirect keeps it) and keeps that body, the
// assertion, in the tab's session history: the redirect's long fragment keeps it out of every session
// record written before the page's first script, public/forget-post.js (classic, in <head>), replaces
// the entry by the plain URL, before this module runs: the HTML preloads it, but a module runs only once
// the document is parsed (src/core/signin/picker-redirect.ts; Firefox loads the picker by GET anyway).

// A picker inside someone else's frame could be used for clickjacking: only run top-level.
const framed = window.top !== window.self;
document.title = t('pickerPageTitle');
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App framed={framed} pageOpenedAt={performance.timeOrigin} />, root);
}
