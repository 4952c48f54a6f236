import { useMemo, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/schema';
import { own } from '../../core/base/own';
import { requestStsAccess } from '../../platform/sts-access';
import { PickerHeader } from './header/picker-header';
import { RoleFilter } from './roles/role-filter';
import { AutoSigninNotice } from './signin/auto-signin-notice';
import { NamesOffers } from './names/names-offers';
import { RoleList } from './roles/role-list';
import { RegionPicker } from './regions/region-picker';
import { MethodLine } from './signin/method-line';
import { SignInActions } from './signin/sign-in-actions';
import { AssertionWarnings, ConsolesOutcomeInPlace, PickerNotices } from './header/picker-notices';
import { RegionStatus } from './regions/region-status';
import { t } from '../../platform/i18n';
import { groupedAccountId } from '../../core/roles/shown-name';
import { CHOOSING } from './views/picker-state';
import type { Assertion, RolesPhase } from './views/picker-state';
import { autoSigninPair, useAutoSignin } from './signin/use-auto-signin';
import { useAccountNames } from './names/use-account-names';
import { useRoleSelection } from './roles/use-role-selection';
import { useRegionChoice } from './regions/use-region-choice';
import { useRegionWord } from './regions/use-region-word';
import { useSigninMethod } from './signin/use-signin-method';
import { stsPermission, stsRulesOf } from '../../core/signin/sts-permission';
import { useSubmit } from './signin/use-submit';
import { setCliFormat, stopSkipping, togglePin } from './setting-changes';
import { recentRoleArns } from '../../core/settings/schema';
import { FailoverCheck } from './failover/failover-check';
import { FailoverResultsContext, useFailoverResults } from './failover/failover-results';

interface Props {
  assertion: Assertion;
  /** Where signing in is (App keeps it: the page's view depends on it). */
  phase: RolesPhase;
  onPhase: (phase: RolesPhase) => void;
  now: number;
  /** Effective settings (managed values applied). */
  settings: Settings;
  /** The settings the organisation's policy sets. */
  locked: readonly string[];
  /** Changes the user's own settings and saves them. */
  updateSettings: (change: (user: Settings) => Settings) => Promise<void>;
  /** The capture was used before (a retry after a failed endpoint): never sign in without a click. */
  reusedCapture: boolean;
  /** The stored settings have been read (until then, what is "known" cannot be told). */
  settingsReady: boolean;
}

/** The role picker: its parts, put together. What each decides is in the hooks and in core. */
export function RolePicker({ assertion, phase, onPhase, now, settings, locked, updateSettings, reusedCapture, settingsReady }: Props) {
  const { capture, info, address } = assertion;
  const [skipNextTime, setSkipNextTime] = useState(false);
  // Recent choices and "skip the picker" are remembered per IdP app: its Issuer names it.
  const appKey = (info.issuer ?? address.endpoint.host).slice(0, 256);
  // An IdP app never seen on this browser (no sign-in remembered for it): a page may have posted
  // someone else's assertion (login CSRF). Say so, and never sign in without a click for it.
  const firstFromApp = settingsReady && own(settings.recent, appKey) === undefined;
  const names = useAccountNames(info.roles, settings, settingsReady, appKey);
  const { accountNames, colours } = names;
  // What may use STS (the worker refuses the rest): several consoles at once and CLI credentials do.
  const sts = stsRulesOf(settings, locked);
  const selection = useRoleSelection(info.roles, accountNames, settings, appKey, stsPermission(sts, 'signin').ok);
  const { selected, manyRoles } = selection;
  const regions = useRegionChoice(address, settings, appKey, selected?.roleArn);
  const { region } = regions;
  const regionWord = useRegionWord(selection.query, regions.regions, regions.setChosen);
  const { choice: method, choiceFor } = useSigninMethod({ settings, address, region, issuer: info.issuer });
  const signing = useSubmit({ assertion, phase, onPhase, settings, updateSettings, appKey, skipNextTime, accountNames, colours });
  const autoPair = useMemo(
    () => autoSigninPair(own(settings.autoSignIn, appKey), reusedCapture || firstFromApp || info.multipleAssertions, info.roles, regions.regions),
    [settings.autoSignIn, appKey, info.roles, regions.regions, reusedCapture, firstFromApp, info.multipleAssertions],
  );
  const { auto, cancel: cancelAuto } = useAutoSignin(autoPair, regions.health, (roleArn, autoRegion) => {
    const role = info.roles.find((r) => r.roleArn === roleArn);
    const how = choiceFor(autoRegion).method;
    if (role) void signing.submit(role, autoRegion, how, how === 'repost' ? Promise.resolve(true) : requestStsAccess());
  });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!selected || signing.posting) return;
    // Firefox asks for host access from the user's gesture itself: before anything is awaited.
    if (manyRoles.length > 1) void signing.submitMany(manyRoles, region, requestStsAccess());
    else void signing.submit(selected, region, method.method, method.method === 'repost' ? Promise.resolve(true) : requestStsAccess());
  };

  const lastTime = own(settings.recent, appKey)?.[0];
  const failover = useFailoverResults(appKey);
  // Several consoles always go through STS.
  const regionDown = downRegion(regions, region, manyRoles.length > 1 ? 'sts' : method.method);
  const selectedLabel = selected ? t('roleInAccountShort', selected.roleName, own(accountNames, selected.accountId) ?? groupedAccountId(selected.accountId)) : '';
  return (
    <form class={info.roles.length > LONG_LIST ? 'panel picker long' : 'panel picker'} onSubmit={onSubmit} onKeyDown={selection.onFormKey} aria-busy={signing.posting}>
      <PickerHeader info={info} address={address} now={now} firstFromApp={firstFromApp} addressedDown={regions.addressedDown} />
      <RegionStatus regions={regions.regions} region={region} addressedRegion={address.endpoint.region} health={regions.health}
        movedFromAddressed={regions.movedFromAddressed} freshApp={regions.freshApp} onCheckAgain={regions.checkAgain} />
      <RoleFilter
        selection={selection}
        roles={info.roles}
        regionWord={regionWord}
        asLastTime={!!lastTime && selected?.roleArn === lastTime.roleArn && region === lastTime.region}
      />
      <AutoSigninNotice auto={auto} roles={info.roles} onCancel={() => cancelAuto()} onStopSkipping={() => void updateSettings(stopSkipping(appKey))} />
      <NamesOffers names={names} roles={info.roles} appKey={appKey} address={address} addressedDown={regions.addressedDown}
        declined={settingsReady ? settings.aliasOfferDeclined.includes(appKey) : undefined} updateSettings={updateSettings} />
      <FailoverResultsContext.Provider value={failover}>
      <RoleList
        sections={selection.sections}
        accountNames={accountNames}
        derivedNames={names.derivedNames}
        colours={colours}
        pinned={selection.pinned}
        onTogglePin={(role) => void updateSettings(togglePin(role.roleArn))}
        alsoOpen={selection.alsoOpen}
        onToggleAlsoOpen={selection.toggleAlsoOpen}
        onTick={selection.tick}
        selectedArn={selected?.roleArn}
        onSelect={selection.setSelectedArn}
        onMoveBy={selection.move}
        query={selection.roleQuery}
        radioId={radioId}
      />
      </FailoverResultsContext.Provider>
      {/* Region, method and actions: always in view under the list (the list takes the height left). */}
      <div class="picker-footer">
        <div class="region-row">
          <RegionPicker regions={regions.regions} region={region} health={regions.health} stsHealth={regions.stsHealth} onChange={regions.setChosen} />
          <MethodLine choice={method} region={region} addressedHost={address.endpoint.host} byPolicy={sts.signinMethodByPolicy} many={manyRoles.length} />
        </div>
        {signing.outcome ? (
          <ConsolesOutcomeInPlace signing={signing} info={info} names={names} durationCap={settings.sessionDurationCap} now={now} onBack={() => onPhase(CHOOSING)} />
        ) : (
          <SignInActions
            capture={capture}
            selected={selected}
            selectedLabel={selectedLabel}
            region={region}
            manyRoles={manyRoles.length}
            posting={signing.posting}
            addressedDown={regions.addressedDown}
            regionDown={regionDown}
            onUseRegion={regions.setChosen}
            skipNextTime={skipNextTime}
            onSkipNextTime={setSkipNextTime}
            cli={
              selected && stsPermission(sts, 'cli').ok ? {
                account: own(accountNames, selected.accountId) ?? selected.accountId,
                durationCap: settings.sessionDurationCap,
                format: settings.cliFormat,
                clearClipboard: settings.clearCopiedCredentials,
                onFormat: (format) => void updateSettings(setCliFormat(format)),
              } : undefined
            }
          />
        )}
      </div>
      <FailoverCheck
        roles={info.roles}
        interest={{ selected: selected?.roleArn, ticked: [...selection.alsoOpen], pinned: [...selection.pinned], recent: recentRoleArns(settings, appKey) }}
        partition={address.partition}
        region={region}
        preferred={regions.preferred}
        appKey={appKey}
        accountNames={accountNames}
        stsAllowed={stsPermission(sts, 'signin').ok}
        automatic={settingsReady && settings.automaticFailoverCheck && phase.kind === 'choosing'}
      />
      <AssertionWarnings info={info} />
      <PickerNotices assertion={assertion} regions={regions} method={method} signing={signing} manyRoles={manyRoles.length} />
    </form>
  );
}

/**
 * The chosen region's sign-in endpoint is down and the way Sign in goes cannot avoid it (a plain
 * re-post, or STS down there too): the button says so, and names the default region when it answers.
 */
function downRegion(regions: ReturnType<typeof useRegionChoice>, region: string, method: string) {
  if (regions.health[region]?.state !== 'down') return undefined;
  const sts = regions.stsHealth[region]?.state;
  if (method !== 'repost' && (sts === 'up' || sts === 'slow')) return undefined;
  const other = regions.health[regions.defaultRegion]?.state;
  const answers = regions.defaultRegion !== region && (other === 'up' || other === 'slow');
  return { instead: answers ? { region: regions.defaultRegion, state: t(other === 'up' ? 'healthUp' : 'healthSlow') } : undefined };
}

/** From this many roles on, the list takes the window's height left (shorter lists are as tall as they are). */
const LONG_LIST = 12;

function radioId(roleArn: string): string {
  return `role-${roleArn.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
