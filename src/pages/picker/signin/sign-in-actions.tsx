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
  region: string;
  /** How many roles open together (0 or 1: just the selected one). */
  manyRoles: number;
  /** Sign in is the page's main action, unless a fresh assertion from another IdP app is offered. */
  primary: boolean;
  posting: boolean;
  addressedDown: boolean;
  skipNextTime: boolean;
  onSkipNextTime: (skip: boolean) => void;
  /** For "Copy CLI credentials" of the selected role. */
  cli: { account: string; durationCap: number; format: CliFormat; onFormat: (format: CliFormat) => void; clearClipboard: boolean } | undefined;
}

/** Sign in (one role or several), CLI credentials, AWS's own page, and "skip the picker next time". */
export function SignInActions({ capture, selected, region, manyRoles, primary, posting, addressedDown, cli, ...props }: Props) {
  // Pointer clicks wait a moment after the picker appears or regains focus (click-jacking).
  const arming = useArming();
  return (
    <>
      <div class="actions">
        <button
          type="submit"
          class={`${primary ? 'button primary sign-in' : 'button sign-in'}${arming.arming ? ' arming' : ''}`}
          disabled={!selected || posting}
          aria-disabled={arming.arming || undefined}
          onClick={(e) => arming.allows(e)}
        >
          {manyRoles > 1 ? t('openConsoles', String(manyRoles), region) : selected ? t('signInAs', selected.roleName, region) : t('signInChooseRole')}
        </button>
        {selected && cli && <CliCredentialsAction roleArn={selected.roleArn} roleName={selected.roleName} region={region} arming={arming} {...cli} />}
        <ContinueToAws capture={capture} endpointDown={addressedDown} />
      </div>
      {arming.refused && (
        <p class="hint" role="status">
          {t('clickTooSoon')}
        </p>
      )}
      <label class="skip-next">
        <input type="checkbox" checked={props.skipNextTime} onChange={(e) => props.onSkipNextTime((e.target as HTMLInputElement).checked)} />
        {t('skipNextTime')}
      </label>
    </>
  );
}
