import type { CapturedSignin } from '../../../core/signin/capture';
import type { CliFormat } from '../../../core/signin/cli-credentials';
import type { SamlRole } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import { CliCredentialsAction } from '../cli/cli-credentials';
import { ContinueToAws } from '../views/state-views';
import { useArming } from './use-arming';

interface Props {
  capture: CapturedSignin;
  selected: SamlRole | undefined;
  /** The selected role as the skip-next-time line names it ("Admin in payments-prod"). */
  selectedLabel: string;
  region: string;
  /** How many roles open together (0 or 1: just the selected one). */
  manyRoles: number;
  posting: boolean;
  addressedDown: boolean;
  /** The chosen region's sign-in endpoint is down, and which one answers instead (its state in a word), if any. */
  regionDown: { instead: { region: string; state: string } | undefined } | undefined;
  onUseRegion: (region: string) => void;
  skipNextTime: boolean;
  onSkipNextTime: (skip: boolean) => void;
  /** For "Copy CLI credentials" of the selected role. */
  cli: { account: string; durationCap: number; format: CliFormat; onFormat: (format: CliFormat) => void; clearClipboard: boolean } | undefined;
}

/**
 * Sign in (one role or several; the page's one primary action, which says so when its region is
 * down, with a switch to one that answers beside it), CLI credentials, AWS's own page, and "skip
 * the picker next time" naming the role.
 */
export function SignInActions({ capture, selected, region, manyRoles, posting, addressedDown, regionDown, cli, ...props }: Props) {
  // Pointer clicks wait a moment after the picker appears or regains focus (click-jacking).
  const arming = useArming();
  const label =
    manyRoles > 1
      ? t(regionDown ? 'openConsolesDown' : 'openConsoles', String(manyRoles), region)
      : selected
        ? t(regionDown ? 'signInAsDown' : 'signInAs', selected.roleName, region)
        : t('signInChooseRole');
  const instead = regionDown?.instead;
  return (
    <>
      <div class="actions">
        <button
          type="submit"
          class={`button primary sign-in${arming.arming ? ' arming' : ''}`}
          disabled={!selected || posting}
          aria-disabled={arming.arming || undefined}
          onClick={(e) => arming.allows(e)}
        >
          {label}
        </button>
        {instead && (
          <button type="button" class="button switch-region" onClick={() => props.onUseRegion(instead.region)}>
            {t('useRegionInstead', instead.region, instead.state)}
          </button>
        )}
        {selected && cli && <CliCredentialsAction roleArn={selected.roleArn} roleName={selected.roleName} region={region} arming={arming} {...cli} />}
        <ContinueToAws capture={capture} endpointDown={addressedDown} />
      </div>
      {arming.refused && (
        <p class="hint" role="status">
          {t('clickTooSoon')}
        </p>
      )}
      {/* Kept in place without a role (nothing below moves), empty of words that would name none. */}
      <label class="skip-next" style={selected ? undefined : { visibility: 'hidden' }}>
        <input type="checkbox" checked={props.skipNextTime} disabled={!selected} onChange={(e) => props.onSkipNextTime((e.target as HTMLInputElement).checked)} />
        {t('skipNextTime', props.selectedLabel, region)}
      </label>
    </>
  );
}
