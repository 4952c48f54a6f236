import { aliasesFromRolePage } from '../core/accounts/aws-role-page';
import { readAwsSigninError } from '../core/diagnosis/signin-refusal';
import { sendFromContentScript } from '../platform/content-messaging';

// Runs on AWS sign-in endpoints only. The manifest says document_start, but the build makes this a
// module that a classic loader import()s: the loader runs at document_start, this code only once the
// import resolves, measured after DOMContentLoaded (SECURITY.md section 5). This page was loaded by a
// POST carrying the assertion (the IdP's or our re-post): Chromium keeps that body in the tab's
// session history and writes it to the profile's session files. Replacing the history entry drops the
// body from every record written after it (a reload then asks AWS by GET, which AWS answers with its
// sign-in page).
history.replaceState(history.state, '', location.href);

// When AWS answers our re-post with its error page, tell the worker, which explains it (or
// continues through STS) if this tab's sign-in came from the picker. Any other page: AWS took the
// assertion (its role page, or a sign-in), so the worker forgets it. On AWS's own role page the
// account aliases it names (both layouts, docs/account-names.md#awss-role-page) go to the worker as learned names, as
// "Get account names from AWS" would have read them. Reads nothing else.
function report(): void {
  const awsMessage = readAwsSigninError(document.body?.innerText ?? '');
  sendFromContentScript(awsMessage ? { type: 'signin/rejected', awsMessage: awsMessage.slice(0, 2000) } : { type: 'signin/landed', pageSince: Math.floor(performance.timeOrigin) });
  if (awsMessage) return;
  const labels = [...document.querySelectorAll('.saml-account-name')].slice(0, 1000).map((e) => e.textContent ?? '');
  const data = document.querySelector<HTMLMetaElement>('meta[name="data"]')?.content;
  const names = aliasesFromRolePage(labels, data);
  if (Object.keys(names).length) sendFromContentScript({ type: 'names/seen', names });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', report, { once: true });
else report();
