import { ATTEMPT_TTL_MS, diagnoseRejection } from '../core/diagnosis';
import { openInTab, saveDiagnosis, takeAttempt } from '../platform/attempt-store';
import { extensionUrl } from '../platform/extension';

export const DIAGNOSIS_PAGE = '/src/pages/diagnosis/index.html';

/** AWS refused a sign-in in this tab: if the picker sent it, explain why on our own page. */
export async function explainRejection(tabId: number, awsMessage: string): Promise<void> {
  const attempt = await takeAttempt(tabId);
  const now = Date.now();
  if (!attempt || now - attempt.at > ATTEMPT_TTL_MS) return;
  await saveDiagnosis(tabId, { diagnosis: diagnoseRejection(awsMessage, attempt, now), attempt });
  await openInTab(tabId, extensionUrl(DIAGNOSIS_PAGE));
}
