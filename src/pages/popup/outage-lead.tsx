import { useState } from 'preact/hooks';
import type { OutageSummary } from '../../core/health/outage';
import { t } from '../../platform/i18n';

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The first line of the popup: the state of AWS sign-in in words, with what to do. */
export function leadOf(summary: OutageSummary): string {
  const down = summary.down.map((d) => d.region).join(', ');
  if (summary.kind === 'some-down' && summary.working) return t('popupDownLead', down, summary.working);
  if (summary.kind === 'some-down') return t('statusDown', down);
  if (summary.kind === 'all-down') return t('popupAllDown');
  return summary.kind === 'all-up' ? t('popupAllUp') : t('popupChecking');
}

/** What "Copy status" puts on the clipboard for a team chat: what is down since when, and the way that works. */
export function statusText(summary: OutageSummary, regions: readonly string[]): string {
  if (!summary.down.length) return t('statusAllUp', regions.join(', '));
  const lines = summary.down.map((d) => (d.since ? t('statusDownSince', d.region, clock(d.since)) : t('statusDown', d.region)));
  if (summary.working) lines.push(t('statusWorks', summary.working));
  return lines.join('\n');
}

/** The popup's lead line, coloured by the state, and the "Copy status" button once there is a state to tell. */
export function OutageLead(props: { summary: OutageSummary; regions: readonly string[] }) {
  const [copied, setCopied] = useState(false);
  const { summary } = props;
  const copy = async () => {
    await navigator.clipboard.writeText(statusText(summary, props.regions));
    setCopied(true);
  };
  return (
    <div class={`lead lead-${summary.kind}`}>
      <p>{leadOf(summary)}</p>
      {/* Kept in the layout while checking (hidden), so its arrival never moves what is below. */}
      <button
        type="button"
        class={summary.kind === 'checking' ? 'link reserved' : 'link'}
        disabled={summary.kind === 'checking'}
        aria-hidden={summary.kind === 'checking' ? 'true' : undefined}
        onClick={() => void copy()}
      >
        {copied ? t('statusCopied') : t('copyStatus')}
      </button>
    </div>
  );
}
