import browser from 'webextension-polyfill';
import type { Diagnosis, SigninAttempt } from '../core/diagnosis';

/**
 * What the picker posted (never the assertion) and what AWS answered, per tab, in session
 * storage: enough to explain a rejection on the diagnosis page.
 */
const attemptKey = (tabId: number) => `attempt:${tabId}`;
const diagnosisKey = (tabId: number) => `diagnosis:${tabId}`;

export interface StoredDiagnosis {
  readonly diagnosis: Diagnosis;
  readonly attempt: SigninAttempt;
}

export async function saveAttempt(attempt: SigninAttempt): Promise<void> {
  await browser.storage.session.set({ [attemptKey(attempt.tabId)]: attempt });
}

export async function takeAttempt(tabId: number): Promise<SigninAttempt | undefined> {
  const stored = await browser.storage.session.get(attemptKey(tabId));
  await browser.storage.session.remove(attemptKey(tabId));
  return stored[attemptKey(tabId)] as SigninAttempt | undefined;
}

/** The attempt, left in place (the re-post may still continue through STS). */
export async function peekAttempt(tabId: number): Promise<SigninAttempt | undefined> {
  const stored = await browser.storage.session.get(attemptKey(tabId));
  return stored[attemptKey(tabId)] as SigninAttempt | undefined;
}

export async function saveDiagnosis(tabId: number, value: StoredDiagnosis): Promise<void> {
  await browser.storage.session.set({ [diagnosisKey(tabId)]: value });
}

export async function readDiagnosis(tabId: number): Promise<unknown> {
  const stored = await browser.storage.session.get(diagnosisKey(tabId));
  return stored[diagnosisKey(tabId)];
}

/**
 * "Try another region" from the diagnosis page: a one-time grant, in session storage (which web
 * pages cannot write), that lets the next picker in this tab reuse the tab's unused capture once.
 */
const retryKey = (tabId: number) => `retry:${tabId}`;
const RETRY_GRANT_MS = 120_000;

export async function grantRetry(tabId: number): Promise<void> {
  await browser.storage.session.set({ [retryKey(tabId)]: Date.now() });
}

/** Consumes the tab's grant: true when there was a fresh one. */
export async function takeRetry(tabId: number): Promise<boolean> {
  const at = (await browser.storage.session.get(retryKey(tabId)))[retryKey(tabId)];
  await browser.storage.session.remove(retryKey(tabId));
  return typeof at === 'number' && Date.now() - at >= 0 && Date.now() - at <= RETRY_GRANT_MS;
}

export async function openInTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}
