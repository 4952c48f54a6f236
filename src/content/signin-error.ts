import { readAwsSigninError } from '../core/diagnosis';
import { sendFromContentScript } from '../platform/content-messaging';

// Runs on AWS sign-in endpoints only. When AWS answers our re-post with its error page, tell the
// worker, which explains it if this tab's sign-in came from the picker. Reads nothing else.
const awsMessage = readAwsSigninError(document.body?.innerText ?? '');
if (awsMessage) sendFromContentScript({ type: 'signin/rejected', awsMessage: awsMessage.slice(0, 2000) });
