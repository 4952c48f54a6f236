import { useState } from 'preact/hooks';
import { parseRoleArn } from '../../core/arn';
import { PARTITIONS } from '../../core/endpoints';
import type { SettingsKey } from '../../core/settings';
import type { SectionProps } from './main';

export { AccountNamesSection } from './account-names-section';
export { BackupSection } from './backup-section';

const ALL_REGIONS = PARTITIONS.flatMap((p) => p.regions.map((r) => ({ code: r.code, name: r.name })));

/** A settings section with its error line and the "set by your organisation" note. */
function Section(props: { title: string; id: string; locked?: boolean; error?: string | undefined; children: preact.ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.locked && <p class="locked">Set by your organisation.</p>}
      {props.children}
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}

function useEdit(props: SectionProps) {
  const [error, setError] = useState<string>();
  const edit = async (key: SettingsKey, value: unknown) => setError(await props.edit(key, value));
  return { error, edit };
}

/** Move an item of a list up or down by one: reordering that works with the keyboard and the mouse. */
function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function InterceptionSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('interceptionEnabled');
  return (
    <Section title="Sign-in interception" id="interception" locked={locked} error={error}>
      <label class="check">
        <input
          type="checkbox"
          checked={props.loaded.settings.interceptionEnabled}
          disabled={locked}
          onChange={(e) => void edit('interceptionEnabled', (e.target as HTMLInputElement).checked)}
        />
        Show the role picker when my identity provider signs me in to AWS
      </label>
      <p class="hint">When off, sign-ins go straight to AWS's own page, as without the extension.</p>
    </Section>
  );
}

export function RegionsSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('preferredRegions');
  const list = props.loaded.settings.preferredRegions;
  const [adding, setAdding] = useState('');
  return (
    <Section title="Preferred regions" id="regions" locked={locked} error={error}>
      <p class="hint">
        When the region an assertion is addressed to is down, the picker switches to the first of these that answers.
        {list.length === 0 && ` Now automatic: ${props.defaultRegions.join(', ')}.`}
      </p>
      <ol class="ordered" aria-label="Preferred regions, most preferred first">
        {list.map((region, i) => (
          <li key={region}>
            <span class="code">{region}</span>
            <span class="actions-inline">
              <button type="button" class="button small" disabled={locked || i === 0} aria-label={`Move ${region} up`} onClick={() => void edit('preferredRegions', moved(list, i, -1))}>
                ↑
              </button>
              <button type="button" class="button small" disabled={locked || i === list.length - 1} aria-label={`Move ${region} down`} onClick={() => void edit('preferredRegions', moved(list, i, 1))}>
                ↓
              </button>
              <button type="button" class="button small" disabled={locked} aria-label={`Remove ${region}`} onClick={() => void edit('preferredRegions', list.filter((r) => r !== region))}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="row">
        <label for="add-region">Add a region</label>
        <select id="add-region" value={adding} disabled={locked} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
          <option value="">Choose…</option>
          {ALL_REGIONS.filter((r) => !list.includes(r.code)).map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} · {r.name}
            </option>
          ))}
        </select>
        <button type="button" class="button" disabled={locked || !adding} onClick={() => void edit('preferredRegions', [...list, adding]).then(() => setAdding(''))}>
          Add
        </button>
      </div>
    </Section>
  );
}

export function IdpLinksSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const locked = props.isLocked('idpAppLinks');
  const links = props.loaded.user.idpAppLinks;
  const managed = props.loaded.settings.idpAppLinks;
  const [region, setRegion] = useState('');
  const [url, setUrl] = useState('');
  return (
    <Section title="Identity provider apps per region" id="idp-links" error={error}>
      <p class="hint">
        If your admin set up one IdP app per region (each signing in through that region's endpoint), add their tile links: when a
        region is down, the picker offers a fresh sign-in from a healthy region's app, and the toolbar button's "Sign in again" uses them.
      </p>
      <ul class="plain">
        {Object.entries(managed).map(([r, link]) => (
          <li key={r}>
            <span class="code">{r}</span> <a href={link}>{link}</a>
            {locked && !(r in links) ? (
              <span class="locked"> set by your organisation</span>
            ) : (
              <button type="button" class="button small" aria-label={`Remove the ${r} app link`} onClick={() => {
                const next = { ...links };
                delete next[r];
                void edit('idpAppLinks', next);
              }}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void edit('idpAppLinks', { ...links, [region]: url.trim() }).then(() => setUrl(''));
        }}
      >
        <label for="link-region">Region</label>
        <select id="link-region" value={region} onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}>
          <option value="">Choose…</option>
          {ALL_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code}
            </option>
          ))}
        </select>
        <label for="link-url">App link</label>
        <input id="link-url" type="url" placeholder="https://example.okta.com/home/amazon_aws/…" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button" disabled={!region || !url.trim()}>
          Add link
        </button>
      </form>
    </Section>
  );
}

export function PinsSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const pins = props.loaded.user.pins;
  return (
    <Section title="Pinned roles" id="pins" error={error}>
      <p class="hint">Pinned roles come first in the picker, in this order. Pin or unpin with the star next to a role.</p>
      {pins.length === 0 && <p class="hint">No pinned roles yet.</p>}
      <ol class="ordered" aria-label="Pinned roles, first shown first">
        {pins.map((pin, i) => {
          const role = parseRoleArn(pin.roleArn);
          const label = role ? `${role.roleName} (${role.accountId})` : pin.roleArn;
          return (
            <li key={pin.roleArn}>
              <span>{label}</span>
              <span class="actions-inline">
                <label class="visually-hidden" for={`pin-region-${i}`}>
                  Region for {label}
                </label>
                <select id={`pin-region-${i}`} value={pin.region ?? ''} onChange={(e) => {
                  const value = (e.target as HTMLSelectElement).value;
                  void edit('pins', pins.map((p, j) => (j === i ? (value ? { roleArn: p.roleArn, region: value } : { roleArn: p.roleArn }) : p)));
                }}>
                  <option value="">Default region</option>
                  {ALL_REGIONS.filter((r) => !role || PARTITIONS.find((p) => p.id === role.partition)?.regions.some((x) => x.code === r.code)).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.code}
                    </option>
                  ))}
                </select>
                <button type="button" class="button small" disabled={i === 0} aria-label={`Move ${label} up`} onClick={() => void edit('pins', moved(pins, i, -1))}>
                  ↑
                </button>
                <button type="button" class="button small" disabled={i === pins.length - 1} aria-label={`Move ${label} down`} onClick={() => void edit('pins', moved(pins, i, 1))}>
                  ↓
                </button>
                <button type="button" class="button small" aria-label={`Unpin ${label}`} onClick={() => void edit('pins', pins.filter((p) => p.roleArn !== pin.roleArn))}>
                  Unpin
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

export function AutoSignInSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const pairs = Object.entries(props.loaded.user.autoSignIn);
  return (
    <Section title="Skip the picker" id="auto" error={error}>
      <p class="hint">For these IdP apps the picker signs in by itself after 2 seconds (never when the region is down).</p>
      {pairs.length === 0 && <p class="hint">None. Tick "Skip the picker next time" in the picker to add one.</p>}
      <ul class="plain">
        {pairs.map(([app, pair]) => (
          <li key={app}>
            <span>
              {parseRoleArn(pair.roleArn)?.roleName ?? pair.roleArn} in {pair.region} <span class="hint">({app})</span>
            </span>
            <button type="button" class="button small" aria-label={`Stop skipping the picker for ${app}`} onClick={() => {
              const next = { ...props.loaded.user.autoSignIn };
              delete next[app];
              void edit('autoSignIn', next);
            }}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function AppearanceSection(props: SectionProps) {
  const { error, edit } = useEdit(props);
  const s = props.loaded.user;
  return (
    <Section title="Appearance" id="appearance" error={error}>
      <div class="row">
        <label for="theme">Theme</label>
        <select id="theme" value={s.theme} onChange={(e) => void edit('theme', (e.target as HTMLSelectElement).value)}>
          <option value="system">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label for="motion">Motion</label>
        <select id="motion" value={s.reducedMotion} onChange={(e) => void edit('reducedMotion', (e.target as HTMLSelectElement).value)}>
          <option value="system">Same as the system</option>
          <option value="reduce">Reduce</option>
        </select>
      </div>
    </Section>
  );
}
