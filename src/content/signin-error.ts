import { readAwsSigninError } from '../core/diagnosis';
import { sendFromContentScript } from '../platform/content-messaging';

// Runs on AWS sign-in endpoints only. When AWS answers our re-post with its error page, tell the
// worker, which explains it (or continues through STS) if this tab's sign-in came from the picker.
// Reads nothing else.
const awsMessage = readAwsSigninError(document.body?.innerText ?? '');
// Any other page: AWS took the assertion (its role page, or a sign-in), so the worker forgets it.
sendFromContentScript(awsMessage ? { type: 'signin/rejected', awsMessage: awsMessage.slice(0, 2000) } : { type: 'signin/landed' });
