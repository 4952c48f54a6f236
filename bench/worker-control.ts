// Stops the extension's service worker between two sign-ins and proves it, over the Chrome DevTools
// Protocol: the daily case is a click on the IdP tile hours after the last one, when Chrome has long
// stopped the worker (it stops an idle extension worker after 30 s:
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
// Waiting that out does not work here: Playwright attaches to every worker, and an attached worker
// is never idle. Closing its DevTools target (Target.closeTarget) stops it as Chrome would.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const STOP_TIMEOUT_MS = 5_000;

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export interface WorkerControl {
  /** Stops the extension's worker; resolves once Chromium says it is stopped and its target is gone. */
  stop(): Promise<void>;
  /**
   * After a click: checks that a new worker of the extension runs (a worker target again, and
   * "running" reported since the stop, not before `clickedAt`, a performance.now() time).
   */
  checkRestarted(clickedAt: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * `home` is a page that stays open on a web page while the bench runs: the ServiceWorker domain is
 * only served to page targets, and from one it reports every worker of the profile, ours included.
 * Target.getTargets and Target.closeTarget go to the browser target.
 */
export async function workerControl(context: BrowserContext, extensionId: string, home: Page): Promise<WorkerControl> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind the context: cannot open a browser-level DevTools session');
  const browserSession = await browser.newBrowserCDPSession();
  const pageSession = await context.newCDPSession(home);
  const prefix = `chrome-extension://${extensionId}/`;
  const status = new Map<string, WorkerVersion['runningStatus']>();
  let runningSinceStop: number | undefined;
  let changed: () => void = () => undefined;
  pageSession.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(prefix)) continue;
      status.set(version.versionId, version.runningStatus);
      if (version.runningStatus === 'running') runningSinceStop ??= performance.now();
    }
    changed();
  });
  await pageSession.send('ServiceWorker.enable');

  const workerTargets = async (): Promise<TargetInfo[]> => {
    const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  };
  const allStopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');

  return {
    async stop() {
      const targets = await workerTargets();
      if (targets.length === 0) throw new Error('no worker target of the extension to stop: it was not running');
      runningSinceStop = undefined;
      const reported = new Promise<void>((resolve) => {
        changed = () => {
          if (allStopped()) resolve();
        };
      });
      for (const target of targets) await browserSession.send('Target.closeTarget', { targetId: target.targetId });
      await withTimeout(reported, STOP_TIMEOUT_MS, 'Chromium never reported the extension worker stopped');
      changed = () => undefined;
      const left = await workerTargets();
      if (left.length > 0) throw new Error(`the extension worker was reported stopped but its target is still there: ${left[0]?.url}`);
      runningSinceStop = undefined;
    },
    async checkRestarted(clickedAt) {
      const targets = await workerTargets();
      if (targets.length === 0) throw new Error('no worker target of the extension after the click: the worker did not start');
      if (runningSinceStop === undefined) throw new Error('Chromium never reported the extension worker running after the click');
      if (runningSinceStop < clickedAt) throw new Error('the extension worker ran again before the click: the round was not cold');
    },
    async close() {
      await detach(pageSession);
      await detach(browserSession);
    },
  };
}

async function detach(session: CDPSession): Promise<void> {
  await session.detach().catch(() => undefined);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
