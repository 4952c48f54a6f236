import type { SigninPost } from '../../core/signin-post';

/**
 * A top-level form POST, as the IdP's own page would make it: the browser follows AWS's
 * redirect to the console. The fields go into the form exactly as the IdP posted them.
 */
export function submitSigninPost(post: SigninPost): void {
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
  document.body.append(form);
  form.submit();
}
