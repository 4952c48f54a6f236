import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CapturedSignin } from '../../core/captured-signin';
import { badgeFor, chooseDefaultRegion, freshAssertionOffer, watchedRegions } from '../../core/health';
import { showBadge } from '../../platform/badge';
import { preferredRegionsFor, type Settings } from '../../core/settings';
import { otherRegionWarning, regionOptions, targetUrlForRegion, type AssertionAddress } from '../../core/region-choice';
import { relayStateForRegion } from '../../core/relay-state';
import { filterRoles, groupByAccount } from '../../core/role-groups';
import type { SamlAssertionInfo, SamlRole } from '../../core/saml-decode';
import { Expiry, useNow } from './Expiry';
import { RegionPicker } from './RegionPicker';
import { RoleList } from './RoleList';
import { ContinueToAws, ExpiredView } from './StateViews';
import { signIn } from './sign-in';
import { useRegionHealth } from './use-health';

interface Props {
  capture: CapturedSignin;
  info: SamlAssertionInfo;
  address: AssertionAddress;
  settings: Settings;
}

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function RolePicker({ capture, info, address, settings }: Props) {
  const preferredRegions = useMemo(() => preferredRegionsFor(settings, TIME_ZONE), [settings]);
  const now = useNow();
  const [query, setQuery] = useState('');
  const [selectedArn, setSelectedArn] = useState<string | undefined>(info.roles[0]?.roleArn);
  const [chosenRegion, setChosenRegion] = useState<string>();
  const [error, setError] = useState<string>();
  const [posting, setPosting] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);

  const visible = useMemo(() => filterRoles(info.roles, query), [info.roles, query]);
  const groups = useMemo(() => groupByAccount(visible), [visible]);
  const regions = useMemo(() => regionOptions(address), [address]);
  const { health, checkAgain } = useRegionHealth(address.partition);
  // Until the user picks a region, the default follows health as probes answer.
  const defaultRegion = chooseDefaultRegion({
    addressedRegion: address.endpoint.region,
    preferred: preferredRegions,
    available: regions.map((r) => r.code),
    health,
  });
  const region = chosenRegion ?? defaultRegion;
  useEffect(() => {
    if (address.partition !== 'aws') return;
    void showBadge(badgeFor(watchedRegions('us-east-1', preferredRegions), health)).catch(() => undefined);
  }, [health, preferredRegions, address.partition]);
  // The addressed region is down and an IdP app is set up for a healthy one: a fresh assertion
  // addressed there is the sign-in that will certainly work (REFERENCE §4).
  const freshApp = freshAssertionOffer({
    addressedRegion: address.endpoint.region,
    preferred: preferredRegions,
    health,
    idpAppLinks: settings.idpAppLinks,
  });
  const selected: SamlRole | undefined = visible.find((r) => r.roleArn === selectedArn) ?? visible[0];
  const warning = otherRegionWarning(address, region);

  // Typing anywhere goes to the filter: the keyboard never has to find it first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text')) return;
      if (target?.tagName === 'SELECT' || event.key === ' ') return;
      filterRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (info.notOnOrAfter && Date.parse(info.notOnOrAfter) <= now && !posting) {
    return <ExpiredView capture={capture} notOnOrAfter={info.notOnOrAfter} />;
  }

  const move = (delta: number) => {
    if (!visible.length) return;
    const index = selected ? visible.indexOf(selected) : -1;
    const next = visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
    if (next) {
      setSelectedArn(next.roleArn);
      document.getElementById(radioId(next.roleArn))?.scrollIntoView({ block: 'nearest' });
    }
  };

  const onFilterKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!selected || posting) return;
    const targetUrl = targetUrlForRegion(address, region);
    if (!targetUrl) {
      setError(`There is no sign-in endpoint for ${region}.`);
      return;
    }
    setPosting(true);
    const refused = await signIn(
      capture,
      {
        partition: address.partition,
        roleArn: selected.roleArn,
        targetUrl,
        relayState: relayStateForRegion(address.partition, region, capture.relayState),
      },
      { recipientUrl: info.recipient ?? address.endpoint.url, recipientRegion: address.endpoint.region, notOnOrAfter: info.notOnOrAfter },
    );
    if (refused) {
      setPosting(false);
      setError(refused);
    }
  };

  const accountCount = groups.length;
  return (
    <form class="panel picker" onSubmit={onSubmit} aria-busy={posting}>
      <header class="picker-header">
        <h1>Choose a role</h1>
        <p class="meta">
          <span>
            Addressed to <strong>{address.endpoint.region}</strong> ({address.endpoint.host})
          </span>
          {info.roleSessionName && (
            <span>
              Signing in as <strong>{info.roleSessionName}</strong>
            </span>
          )}
          {info.notOnOrAfter && <Expiry notOnOrAfter={info.notOnOrAfter} now={now} />}
        </p>
      </header>

      <div class="filter">
        <label for="role-filter">Filter roles</label>
        <input
          ref={filterRef}
          id="role-filter"
          type="text"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          placeholder="Account, account ID or role…"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onFilterKey}
          aria-controls="role-list"
          aria-describedby="role-count"
        />
        <span id="role-count" class="count">
          {visible.length === info.roles.length
            ? `${info.roles.length} ${plural(info.roles.length, 'role')} in ${accountCount} ${plural(accountCount, 'account')}`
            : `${visible.length} of ${info.roles.length} roles`}
        </span>
      </div>

      <RoleList groups={groups} selectedArn={selected?.roleArn} onSelect={setSelectedArn} query={query} radioId={radioId} />

      <RegionPicker
        regions={regions}
        region={region}
        addressedRegion={address.endpoint.region}
        health={health}
        movedFromAddressed={chosenRegion === undefined && defaultRegion !== address.endpoint.region}
        onChange={setChosenRegion}
        onCheckAgain={checkAgain}
      />
      {warning && (
        <p class="warning" role="note">
          {warning}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      <div class="actions">
        {freshApp && (
          <a class="button primary" href={freshApp.url}>
            Get a fresh assertion from the {freshApp.region} app
          </a>
        )}
        <button type="submit" class={freshApp ? 'button' : 'button primary'} disabled={!selected || posting}>
          {selected ? `Sign in as ${selected.roleName} in ${region}` : 'Sign in (choose a role)'}
        </button>
        <ContinueToAws capture={capture} />
      </div>
      {info.warnings.length > 0 && (
        <details class="warnings">
          <summary>
            {info.warnings.length} {plural(info.warnings.length, 'value')} in the assertion could not be used
          </summary>
          <ul>
            {info.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function radioId(roleArn: string): string {
  return `role-${roleArn.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
