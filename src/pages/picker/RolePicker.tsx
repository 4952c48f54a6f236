import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CapturedSignin } from '../../core/captured-signin';
import type { Settings } from '../../core/settings';
import { ALIAS_OFFER_DECLINED_MAX } from '../../core/settings-defaults';
import { localTimeZone, preferredRegionsFor } from '../../core/preferred-regions';
import { chooseDefaultRegion, chooseRegion, freshAssertionOffer, otherRegionWarning, regionOptions, targetUrlForRegion, type AssertionAddress } from '../../core/region-choice';
import { relayStateForRegion } from '../../core/relay-state';
import type { SamlAssertionInfo, SamlRole } from '../../core/saml-decode';
import { Expiry, useNow } from './Expiry';
import { RegionPicker } from './RegionPicker';
import { RoleList } from './RoleList';
import { ContinueToAws, ExpiredView } from './StateViews';
import { signIn, signInManyWithSts, signInWithSts } from './sign-in';
import { MethodLine } from './MethodLine';
import { HealthNotices } from './HealthNotices';
import { CliCredentialsAction } from './CliCredentials';
import { AccountNamesOffer } from './AccountNamesOffer';
import { AliasPresetOffer } from './AliasPresetOffer';
import { ConsolesOutcome } from './ConsolesOutcome';
import type { ConsolesOutcome as Outcome } from '../../messages/protocol';
import { useSigninMethod } from './use-signin-method';
import { requestStsAccess } from '../../platform/sts-access';
import type { SigninMethod } from '../../core/signin-method';
import { useAutoSignin } from './use-auto-signin';
import { useAccountNames } from './use-account-names';
import { useRankedRoles } from './use-ranked-roles';
import { OKTA_PRESET } from '../../core/account-names';
import { useRegionHealth } from '../../ui/use-health';
import { BROWSER_TRAITS } from '../../platform/browser-target';
import { t, tMessage, tPlural } from '../../platform/i18n';
import { own } from '../../core/own';
import { shortIssuer } from '../../core/captured-signin';

interface Props {
  capture: CapturedSignin;
  info: SamlAssertionInfo;
  address: AssertionAddress;
  /** Effective settings (managed values applied). */
  settings: Settings;
  /** Changes the user's own settings and saves them. */
  updateSettings: (change: (user: Settings) => Settings) => Promise<void>;
  /** The capture was used before (a retry after a failed endpoint): never sign in without a click. */
  reusedCapture: boolean;
  /** The stored settings have been read (until then, what is "known" cannot be told). */
  settingsReady: boolean;
}


export function RolePicker({ capture, info, address, settings, updateSettings, reusedCapture, settingsReady }: Props) {
  const preferredRegions = useMemo(() => preferredRegionsFor(settings, localTimeZone()), [settings]);
  const now = useNow();
  const [query, setQuery] = useState('');
  const [selectedArn, setSelectedArn] = useState<string>();
  const [skipNextTime, setSkipNextTime] = useState(false);
  const [chosenRegion, setChosenRegion] = useState<string>();
  const [error, setError] = useState<string>();
  const [posting, setPosting] = useState(false);
  const [viaSts, setViaSts] = useState(false);
  // Several roles at once (issue H): each in its own tab, through STS + federation.
  const [alsoOpen, setAlsoOpen] = useState<ReadonlySet<string>>(new Set());
  const [needsAccess, setNeedsAccess] = useState(false);
  // Several roles at once, some of which did not open: the picker stays to say so.
  const [outcome, setOutcome] = useState<{ consoles: Outcome; region: string; at: number }>();
  const filterRef = useRef<HTMLInputElement>(null);

  // Recent choices and "skip the picker" are remembered per IdP app: its Issuer names it.
  const appKey = (info.issuer ?? address.endpoint.host).slice(0, 256);
  // An IdP app never seen on this browser (no sign-in remembered for it): a page may have posted
  // someone else's assertion (login CSRF). Say so, and never sign in without a click for it.
  const firstFromApp = settingsReady && own(settings.recent, appKey) === undefined;
  const { accountNames, derivedNames, preset, colours, loadLearned } = useAccountNames(info.roles, settings, settingsReady, appKey);
  const { sections, visible, matchCount, pinned } = useRankedRoles(info.roles, accountNames, query, settings, appKey);
  const regions = useMemo(() => regionOptions(address), [address]);
  const { health, stsHealth, checkAgain } = useRegionHealth(address.partition);
  // Until the user picks a region, the default follows health as probes answer.
  const defaultRegion = chooseDefaultRegion({
    addressedRegion: address.endpoint.region,
    preferred: preferredRegions,
    available: regions.map((r) => r.code),
    health,
  });
  const selected: SamlRole | undefined = visible.find((r) => r.roleArn === selectedArn) ?? visible[0];
  // A pinned role's own region, else the region this role was used in last time, unless it is down.
  const remembered = selected
    ? (settings.pins.find((p) => p.roleArn === selected.roleArn)?.region ??
      own(settings.recent, appKey)?.find((r) => r.roleArn === selected.roleArn)?.region)
    : undefined;
  const region = chooseRegion({ chosen: chosenRegion, remembered, available: regions.map((r) => r.code), health, defaultRegion });
  // The addressed region is down and an IdP app is set up for a healthy one: a fresh assertion
  // addressed there is the sign-in that will certainly work (REFERENCE §4).
  const addressedDown = health[address.endpoint.region]?.state === 'down';
  const freshApp = freshAssertionOffer({
    addressedRegion: address.endpoint.region,
    preferred: preferredRegions,
    health,
    idpAppLinks: settings.idpAppLinks,
  });
  const { choice: method, choiceFor } = useSigninMethod({ settings, address, region, issuer: info.issuer });
  // The re-post alone into another region: say what it needs from the admin.
  const warning = method.reason === 'forced-repost' ? otherRegionWarning(address, region) : undefined;
  const lastTime = own(settings.recent, appKey)?.[0];
  const autoPair = useMemo(() => {
    const pair = reusedCapture || firstFromApp || info.multipleAssertions ? undefined : own(settings.autoSignIn, appKey);
    return pair && info.roles.some((r) => r.roleArn === pair.roleArn) && regions.some((r) => r.code === pair.region) ? pair : undefined;
  }, [settings.autoSignIn, appKey, info.roles, regions, reusedCapture, firstFromApp, info.multipleAssertions]);
  const { auto, cancel: cancelAuto } = useAutoSignin(autoPair, health, (roleArn, autoRegion) => {
    const role = info.roles.find((r) => r.roleArn === roleArn);
    const how = choiceFor(autoRegion).method;
    if (role) void submit(role, autoRegion, how, how === 'repost' ? Promise.resolve(true) : requestStsAccess());
  });

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

  if (info.notOnOrAfter && Date.parse(info.notOnOrAfter) <= now && !posting && !outcome) {
    return <ExpiredView capture={capture} notOnOrAfter={info.notOnOrAfter} />;
  }

  const move = (delta: number) => {
    if (!visible.length) return;
    const index = selected ? visible.indexOf(selected) : -1;
    // The role list scrolls the newly selected row into view (rendering it first when windowed).
    const next = visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
    if (next) setSelectedArn(next.roleArn);
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

  const togglePin = (role: SamlRole) =>
    void updateSettings((user) => ({
      ...user,
      pins: user.pins.some((p) => p.roleArn === role.roleArn)
        ? user.pins.filter((p) => p.roleArn !== role.roleArn)
        : [...user.pins, { roleArn: role.roleArn }],
    }));

  const toggleAlsoOpen = (role: SamlRole) =>
    setAlsoOpen((now) => {
      const next = new Set(now);
      if (next.has(role.roleArn)) next.delete(role.roleArn);
      else next.add(role.roleArn);
      // The selected role is always one of them; a set of one is no set.
      if (selected) next.delete(selected.roleArn);
      return next;
    });
  const manyRoles = selected && alsoOpen.size > 0 ? [selected.roleArn, ...[...alsoOpen].filter((arn) => arn !== selected.roleArn)] : [];

  // Shift+Enter adds the selected role to those opened together (and the next one is chosen).
  const onFormKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !event.shiftKey || !selected) return;
    event.preventDefault();
    setAlsoOpen((now) => new Set([...now, selected.roleArn]));
    move(1);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!selected || posting) return;
    if (manyRoles.length > 1) {
      const access = requestStsAccess();
      void submitMany(manyRoles, region, access);
      return;
    }
    // Firefox asks for host access from the user's gesture itself: before anything is awaited.
    const access = method.method === 'repost' ? Promise.resolve(true) : requestStsAccess();
    void submit(selected, region, method.method, access);
  };

  async function submitMany(roleArns: string[], region: string, access: Promise<boolean>) {
    if (posting) return;
    setNeedsAccess(false);
    if (!(await access)) {
      setNeedsAccess(true);
      return;
    }
    setPosting(true);
    setViaSts(true);
    setOutcome(undefined);
    // What the picker shows for these accounts goes along: Firefox names and colours containers with it.
    const accounts = new Set(info.roles.filter((r) => roleArns.includes(r.roleArn)).map((r) => r.accountId));
    const shown = <T,>(map: Readonly<Record<string, T>>) =>
      Object.fromEntries([...accounts].flatMap((id) => (own(map, id) === undefined ? [] : [[id, own(map, id)!]]))) as Record<string, T>;
    const reply = await signInManyWithSts({
      roleArns,
      region,
      durationCap: settings.sessionDurationCap,
      accountNames: shown(accountNames),
      accountColours: shown(colours),
    });
    if (reply) {
      setPosting(false);
      setViaSts(false);
      if ('refused' in reply) setError(reply.refused);
      else setOutcome({ consoles: reply.consoles, region, at: Date.now() });
    }
  }

  async function submit(role: SamlRole, region: string, how: SigninMethod, access: Promise<boolean>) {
    if (posting) return;
    setNeedsAccess(false);
    if (how !== 'repost' && !(await access)) {
      setNeedsAccess(true);
      return;
    }
    const targetUrl = targetUrlForRegion(address, region);
    if (!targetUrl) {
      setError(t('noEndpointForRegion', region));
      return;
    }
    setPosting(true);
    // Remembered before leaving the page; a failure to save never blocks the sign-in. The settings
    // module is loaded by then (App loads it after the first paint).
    await Promise.race([
      import('../../core/settings').then(({ recordRecent }) => updateSettings((user) => {
        const next = recordRecent(user, appKey, { roleArn: role.roleArn, region }, Date.now());
        return skipNextTime ? { ...next, autoSignIn: { ...next.autoSignIn, [appKey]: { roleArn: role.roleArn, region } } } : next;
      })).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 500)),
    ]);
    if (how === 'sts') setViaSts(true);
    const refused =
      how === 'sts'
        ? await signInWithSts({ roleArn: role.roleArn, region, durationCap: settings.sessionDurationCap })
        : await signIn(
            capture,
            {
              partition: address.partition,
              roleArn: role.roleArn,
              targetUrl,
              relayState: relayStateForRegion(address.partition, region, capture.relayState),
            },
            {
              recipientUrl: info.recipient ?? address.endpoint.url,
              recipientRegion: address.endpoint.region,
              notOnOrAfter: info.notOnOrAfter,
              method: how,
              issuer: info.issuer,
              durationCap: settings.sessionDurationCap,
            },
          );
    if (refused) {
      setPosting(false);
      setViaSts(false);
      setError(refused);
    }
  }

  const accountCount = new Set(info.roles.map((r) => r.accountId)).size;
  return (
    <form class="panel picker" onSubmit={onSubmit} onKeyDown={onFormKey} aria-busy={posting}>
      <header class="picker-header">
        <h1>{t('chooseRoleTitle')}</h1>
        <p class="meta">
          <span>
            {t('addressedTo')} <strong>{address.endpoint.region}</strong> ({address.endpoint.host})
          </span>
          {info.roleSessionName && (
            <span>
              {t('signingInAs')} <strong>{info.roleSessionName}</strong>
            </span>
          )}
          {info.notOnOrAfter && <Expiry notOnOrAfter={info.notOnOrAfter} now={now} />}
        </p>
        {/* A line of its own, one line tall before and after settings arrive: nothing below moves. */}
        <p class="meta idp-app">
          {t('fromIdpApp', shortIssuer(info.issuer ?? address.endpoint.host, 48))}
          {firstFromApp && <strong class="first-app">{t('firstSigninFromApp')}</strong>}
        </p>
      </header>

      <div class="filter">
        <label for="role-filter">{t('filterRoles')}</label>
        <input
          ref={filterRef}
          id="role-filter"
          type="text"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          placeholder={t('filterPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onFilterKey}
          aria-controls="role-list"
          aria-describedby="role-count"
        />
        <span id="role-count" class="count">
          {!query
            ? t('rolesInAccounts', tPlural(info.roles.length, 'roleCountOne', 'roleCountOther'), tPlural(accountCount, 'accountCountOne', 'accountCountOther'))
            : t('matchCount', String(matchCount), String(info.roles.length))}
        </span>
        {!query && lastTime && selected?.roleArn === lastTime.roleArn && region === lastTime.region && (
          <span class="hint last-time">{t('lastTimeHint')}</span>
        )}
      </div>

      {auto.state === 'counting' && (
        <p class="warning auto" role="alert">
          {t('autoCounting', info.roles.find((r) => r.roleArn === auto.roleArn)?.roleName ?? '', auto.region)}{' '}
          <button type="button" class="button" onClick={() => cancelAuto()}>
            {t('cancel')}
          </button>
        </p>
      )}
      {auto.state === 'cancelled' && (
        <p class="hint" role="status">
          {t('autoStopped', auto.reason)}{' '}
          <button type="button" class="link" onClick={() => void updateSettings((user) => {
            const autoSignIn = { ...user.autoSignIn };
            delete autoSignIn[appKey];
            return { ...user, autoSignIn };
          })}>
            {t('stopSkippingApp')}
          </button>
        </p>
      )}

      {preset && (
        <AliasPresetOffer
          accounts={preset.accounts}
          onAccept={() => void updateSettings((user) => ({ ...user, aliasPattern: OKTA_PRESET }))}
          onNever={() =>
            void updateSettings((user) => ({
              ...user,
              aliasOfferDeclined: [...user.aliasOfferDeclined.filter((k) => k !== appKey), appKey].slice(-ALIAS_OFFER_DECLINED_MAX),
            }))
          }
        />
      )}
      {info.roles.length > 1 && info.roles.some((r) => own(accountNames, r.accountId) === undefined) && (
        <AccountNamesOffer host={address.endpoint.host} endpointDown={addressedDown} onLearned={loadLearned} />
      )}
      <RoleList
        sections={sections}
        accountNames={accountNames}
        derivedNames={derivedNames}
        colours={colours}
        pinned={pinned}
        onTogglePin={togglePin}
        alsoOpen={alsoOpen}
        onToggleAlsoOpen={toggleAlsoOpen}
        selectedArn={selected?.roleArn}
        onSelect={setSelectedArn}
        onMoveBy={move}
        query={query}
        radioId={radioId}
      />

      <RegionPicker regions={regions} region={region} health={health} stsHealth={stsHealth} onChange={setChosenRegion} onCheckAgain={checkAgain} />
      <MethodLine choice={method} region={region} addressedHost={address.endpoint.host} />

      <div class="actions">
        <button type="submit" class={freshApp ? 'button sign-in' : 'button primary sign-in'} disabled={!selected || posting}>
          {manyRoles.length > 1 ? t('openConsoles', String(manyRoles.length), region) : selected ? t('signInAs', selected.roleName, region) : t('signInChooseRole')}
        </button>
        {selected && (
          <CliCredentialsAction
            roleArn={selected.roleArn}
            roleName={selected.roleName}
            account={own(accountNames, selected.accountId) ?? selected.accountId}
            region={region}
            durationCap={settings.sessionDurationCap}
            format={settings.cliFormat}
            onFormat={(cliFormat) => void updateSettings((user) => ({ ...user, cliFormat }))}
          />
        )}
        <ContinueToAws capture={capture} endpointDown={addressedDown} />
      </div>
      <label class="skip-next">
        <input type="checkbox" checked={skipNextTime} onChange={(e) => setSkipNextTime((e.target as HTMLInputElement).checked)} />
        {t('skipNextTime')}
      </label>
      {info.warnings.length > 0 && (
        <details class="warnings" open={info.multipleAssertions}>
          <summary>
            {tPlural(info.warnings.length, 'assertionWarningsOne', 'assertionWarningsOther')}
          </summary>
          <ul>
            {info.warnings.map((w) => tMessage(w)).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {/* Everything that comes and goes, late or after a click, goes last: it pushes nothing. */}
      <div class="notices" aria-live="polite">
        <HealthNotices
          regions={regions}
          region={region}
          addressedRegion={address.endpoint.region}
          health={health}
          stsHealth={stsHealth}
          movedFromAddressed={chosenRegion === undefined && defaultRegion !== address.endpoint.region}
          method={method}
          freshApp={freshApp}
        />
        {warning && (
          <p class="warning" role="note">
            {tMessage(warning)}
          </p>
        )}
        {needsAccess && (
          <p class="error" role="alert">
            {t('stsAccessNeeded')}{' '}
            <button type="button" class="button" onClick={() => void requestStsAccess().then((ok) => ok && setNeedsAccess(false))}>
              {t('allowStsAccess')}
            </button>
          </p>
        )}
        {manyRoles.length > 1 && (
          <p class="hint" id="many-note">
            {t(BROWSER_TRAITS.hasContainers ? 'openConsolesNoteFirefox' : 'openConsolesNote')}
          </p>
        )}
        {viaSts && (
          <p class="hint" role="status">
            {t('signingInThroughSts')}
          </p>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {outcome && (
          <ConsolesOutcome
            key={outcome.at}
            outcome={outcome.consoles}
            roles={info.roles}
            accountNames={accountNames}
            accountColours={colours}
            region={outcome.region}
            durationCap={settings.sessionDurationCap}
            notOnOrAfter={info.notOnOrAfter}
            now={now}
          />
        )}
      </div>
    </form>
  );
}

function radioId(roleArn: string): string {
  return `role-${roleArn.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
