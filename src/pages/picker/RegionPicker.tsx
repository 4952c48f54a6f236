import { describeHealth, summarizeHealth, type RegionHealth } from '../../core/health';
import type { RegionOption } from '../../core/region-choice';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  addressedRegion: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  /** True when the default moved away from the addressed region because it is down. */
  movedFromAddressed: boolean;
  onChange: (region: string) => void;
  onCheckAgain: () => void;
}

/** Region selector with each endpoint's live health; a region shown as down stays selectable. */
export function RegionPicker({ regions, region, addressedRegion, health, movedFromAddressed, onChange, onCheckAgain }: Props) {
  const chosen = health[region];
  const addressed = health[addressedRegion];
  const summary = summarizeHealth(
    regions.map((r) => r.code),
    health,
  );
  const allDown = summary.down === regions.length;
  const checking = Object.values(health).some((h) => h?.checkingSince !== undefined);
  return (
    <div class="region">
      <label for="region">Region</label>
      <select id="region" value={region} onChange={(e) => onChange((e.target as HTMLSelectElement).value)} aria-describedby="region-status">
        {regions.map((r) => (
          <option key={r.code} value={r.code} data-health={health[r.code]?.state ?? 'unknown'}>
            {r.code} · {r.name}
            {r.isRecipient ? ' (addressed here)' : ''} — {describeHealth(health[r.code])}
          </option>
        ))}
      </select>
      <p id="region-status" class={`region-status state-${chosen?.state ?? 'unknown'}`} role="status">
        <span class="dot" aria-hidden="true" />
        <span>
          {statusSentence(region, chosen)}
          {summary.up + summary.slow + summary.down > 0 && (
            <span class="summary">
              {' '}
              {summary.up + summary.slow} of {regions.length} regions answering
              {summary.down ? `, ${summary.down} down` : ''}.
            </span>
          )}
        </span>
        <button type="button" class="link" onClick={onCheckAgain} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </p>
      {movedFromAddressed && addressed && (
        <p class="warning" role="alert">
          {addressedRegion}, where this assertion is addressed, is down ({addressed.detail}). {region} was chosen instead; you can
          still pick {addressedRegion}.
        </p>
      )}
      {allDown && (
        <p class="error" role="alert">
          No AWS sign-in endpoint answered. Your network may be offline or blocking AWS, or the probes may be wrong: you can
          still try to sign in.
        </p>
      )}
    </div>
  );
}

function statusSentence(region: string, health: RegionHealth | undefined): string {
  if (!health || health.state === 'unknown') return health?.checkingSince ? `Checking ${region}…` : `${region} not checked yet.`;
  if (health.state === 'down') return `${region} looks down: ${health.detail}.`;
  if (health.state === 'slow') return `${region} is slow (${health.detail}).`;
  return `${region} is up (${health.detail}).`;
}
