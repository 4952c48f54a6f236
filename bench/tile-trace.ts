// A Chromium trace (DevTools Tracing) of one click on the Okta tile, from the IdP's POST to the picker's
// "Sign in" button, for bench/fragment-trace.ts and bench/picker-trace.ts. The tab first shows the same
// Okta page without its auto-post, so the trace starts from a loaded web page.
import type { BrowserContext } from 'playwright-core';
import { tileUrl } from '../test/e2e/helpers';

export interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

export async function traceTileClick(context: BrowserContext, app: string, categories: readonly string[]): Promise<TraceEvent[]> {
  const session = await context.browser()!.newBrowserCDPSession();
  const page = await context.newPage();
  await page.goto(tileUrl({ submit: 'noscript' }, 'acme.okta.com', app), { waitUntil: 'load' });
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: [...categories] }, transferMode: 'ReportEvents' });
  await page.goto(tileUrl({ submit: 'script' }, 'acme.okta.com', app), { waitUntil: 'commit' });
  await page.getByRole('button', { name: /^Sign in/ }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  await session.send('Tracing.end');
  await done;
  await session.detach();
  await page.close();
  return events;
}
