import type { Diagnosis, SigninAttempt } from '../core/diagnosis/signin-refusal';
import { tabItem } from './storage-item';
import { checkContinuation, type StsContinuation } from '../core/signin/sts-continuation';
import { DIAGNOSIS_PATH, PICKER_PATH, extensionUrl, openInTab } from './extension';

/**
 * What the picker posted (never the assertion) and what AWS answered, per tab, in session
 * storage: enough to explain a rejection on the diagnosis page.
 */
export interface StoredDiagnosis {
  readonly diagnosis: Diagnosis;
  readonly attempt: SigninAttempt;
}

const attempt = (tabId: number) => tabItem<SigninAttempt>('attempt', tabId);
const diagnosis = (tabId: number) => tabItem<StoredDiagnosis>('diagnosis', tabId);
const retry = (tabId: number) => tabItem<number>('retry', tabId);
const continuation = (tabId: number) => tabItem<StsContinuation>('continue', tabId);

export async function saveAttempt(value: SigninAttempt): Promise<void> {
  await attempt(value.tabId).set(value);
}

/** Takes the tab's attempt; `madeBy`: only one made at or before that time (ms since epoch). */
export async function takeAttempt(tabId: number, madeBy?: number): Promise<SigninAttempt | undefined> {
  const stored = (await attempt(tabId).get()) as SigninAttempt | undefined;
  if (madeBy !== undefined && typeof stored?.at === 'number' && stored.at > madeBy) return undefined;
  await attempt(tabId).remove();
  return stored;
}

/** The attempt, left in place (the re-post may still continue through STS). */
export async function peekAttempt(tabId: number): Promise<SigninAttempt | undefined> {
  return (await attempt(tabId).get()) as SigninAttempt | undefined;
}

/** Keeps the diagnosis for the tab and shows it there: the diagnosis page reads it back. */
export async function showDiagnosis(tabId: number, value: StoredDiagnosis): Promise<void> {
  await diagnosis(tabId).set(value);
  await openInTab(tabId, extensionUrl(DIAGNOSIS_PATH));
}

export function readDiagnosis(tabId: number): Promise<unknown> {
  return diagnosis(tabId).get();
}

/**
 * "Try another region" from the diagnosis page: a one-time grant, in session storage (which web
 * pages cannot write), that lets the next picker in this tab reuse the tab's unused capture once.
 */
const RETRY_GRANT_MS = 120_000;

export async function grantRetry(tabId: number): Promise<void> {
  await retry(tabId).set(Date.now());
}

/** Consumes the tab's grant: true when there was a fresh one. */
export async function takeRetry(tabId: number): Promise<boolean> {
  const at = await retry(tabId).get();
  await retry(tabId).remove();
  return typeof at === 'number' && Date.now() - at >= 0 && Date.now() - at <= RETRY_GRANT_MS;
}

/** Worker: hands a re-post that did not get in back to the picker in the tab, to continue through STS. */
export async function continueInPicker(tabId: number, value: StsContinuation): Promise<void> {
  await continuation(tabId).set(value);
  await openInTab(tabId, extensionUrl(PICKER_PATH));
}

/** Picker: consumes the tab's continuation, when there is a fresh, well-formed one. */
export async function takeContinuation(tabId: number): Promise<StsContinuation | undefined> {
  const stored = await continuation(tabId).get();
  if (stored === undefined) return undefined;
  await continuation(tabId).remove();
  return checkContinuation(stored, Date.now());
}
