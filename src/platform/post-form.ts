import type { SigninPost } from '../core/signin/repost';
import { TARGET_BROWSER } from './browser-target';

/**
 * A top-level form POST, as the IdP's own page would make it: the browser follows AWS's
 * redirect to the console. The fields go into the form exactly as the IdP posted them.
 *
 * Chromium keeps a POST's body in the tab's session history and writes it to the profile's
 * session files (`Sessions/Session_*`), unless the form held a password: then the body is dropped
 * from every entry it writes to disk (the page state is sanitised when written, so this does not
 * depend on timing). A disabled, unnamed password field marks the form so; it is not submitted,
 * so AWS receives exactly the IdP's fields. (Chromium's password manager never offers to save from
 * extension pages; Firefox keeps no POST bodies in its session files and gets no such field.)
 */
export function submitSigninPost(post: SigninPost): void {
  submitFormPost(post);
}

/**
 * The same top-level POST for any form the page built through a gate (the federation login, whose
 * sign-in token then stays out of the URL, the history and the session files).
 */
export function submitFormPost(post: { readonly url: string; readonly fields: Readonly<Record<string, string | undefined>> }): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = post.url;
  form.hidden = true;
  for (const [name, value] of Object.entries(post.fields)) {
    if (value === undefined) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  if (TARGET_BROWSER !== 'firefox') form.append(bodyIsSecretMarker());
  document.body.append(form);
  form.submit();
}

/** Not submitted (disabled, no name), but it makes Chromium treat the body as holding a password. */
function bodyIsSecretMarker(): HTMLInputElement {
  const marker = document.createElement('input');
  marker.type = 'password';
  marker.disabled = true;
  marker.value = 'secret';
  marker.autocomplete = 'off';
  return marker;
}
