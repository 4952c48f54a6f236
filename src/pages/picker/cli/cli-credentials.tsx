import { useEffect, useState } from 'preact/hooks';
import type { CliFormat } from '../../../core/signin/cli-credentials';
import type { CliCredentials } from '../../../aws-calls/sts-signin';
import { t, tMessage } from '../../../platform/i18n';
import { inThisTab } from '../../../aws-calls/this-tab';
import { requestStsAccess } from '../../../platform/sts-access';
import type { Arming } from '../signin/use-arming';
import { clearClipboardLater } from './clear-clipboard-later';

/** Credentials leave the page after this long, or when it is left. */
const SHOW_FOR_MS = 60_000;

// The panel and the formats are loaded on the first click: they are no part of the picker's first paint.
const loadView = () =>
  Promise.all([import('./cli-panel'), import('../../../core/signin/cli-credentials')]).then(([panel, formats]) => ({ CliPanel: panel.CliPanel, ...formats }));
type View = Awaited<ReturnType<typeof loadView>>;

interface Props {
  roleArn: string;
  roleName: string;
  /** The account's name, else its ID: names the credentials-file profile. */
  account: string;
  region: string;
  durationCap: number;
  format: CliFormat;
  onFormat: (format: CliFormat) => void;
  /** The user's setting: the worker clears the clipboard a minute after each copy. */
  clearClipboard: boolean;
  /** Pointer clicks right after the picker appears do not count (use-arming.ts). */
  arming: Arming;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'shown'; view: View; credentials: CliCredentials; roleName: string; region: string; account: string }
  | { kind: 'error'; message: string };
type Shown = Extract<State, { kind: 'shown' }>;

/** The credentials in a format, for the screen (secrets masked) or the clipboard. */
const text = (format: CliFormat, shown: Shown, masked: boolean) =>
  shown.view.formatCliCredentials(format, {
    credentials: masked
      ? { ...shown.credentials, secretAccessKey: shown.view.maskSecret(shown.credentials.secretAccessKey), sessionToken: shown.view.maskSecret(shown.credentials.sessionToken) }
      : shown.credentials,
    region: shown.region,
    profile: shown.view.profileName(shown.account, shown.roleName),
  });

/**
 * "Copy CLI credentials": this page asks the chosen region's STS with the captured assertion
 * (src/aws-calls/sts-signin.ts), on the click; no message carries the credentials. They are kept in
 * this component's state, masked on screen until "Show", copied with the Clipboard API from the
 * user's click, and dropped after a minute or when the page is left. Never stored.
 */
export function CliCredentialsAction(props: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  // The choice applies at once; saving it (remembered for next time) happens alongside.
  const [format, setFormat] = useState<CliFormat>(props.format);
  useEffect(() => setFormat(props.format), [props.format]);

  useEffect(() => {
    if (state.kind !== 'shown') return;
    const clear = () => setState({ kind: 'idle' });
    const timer = setTimeout(clear, SHOW_FOR_MS);
    addEventListener('pagehide', clear);
    return () => {
      clearTimeout(timer);
      removeEventListener('pagehide', clear);
    };
  }, [state]);

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
      // The worker keeps the time: the clipboard is cleared even once this page is gone.
      if (props.clearClipboard) clearClipboardLater();
    } catch {
      setCopied('failed');
    }
  };

  const request = () => {
    // Firefox asks for host access from the click itself: before anything is awaited.
    const access = requestStsAccess();
    const view = loadView();
    setState({ kind: 'loading' });
    setCopied(undefined);
    setReveal(false);
    void (async () => {
      if (!(await access)) {
        setState({ kind: 'error', message: t('stsAccessNeeded') });
        return;
      }
      const { roleArn, region, durationCap, roleName, account } = props;
      const { credentialsThroughSts } = await import('../../../aws-calls/sts-signin');
      const reply = await inThisTab('replyPickerTabCredentials', (tabId) => credentialsThroughSts(tabId, { roleArn, region, durationCap }));
      if (!reply.ok) {
        setState({ kind: 'error', message: tMessage(reply.error) });
        return;
      }
      const credentials = { ...reply.credentials, assumedRoleArn: reply.assumedRoleArn };
      const shown = { kind: 'shown' as const, view: await view, credentials, roleName, region, account };
      setState(shown);
      // Still within the click's activation: copy at once; the Copy button stays for a second try.
      await copy(text(format, shown, false));
    })().catch(() => setState({ kind: 'error', message: t('pickerFailed') }));
  };

  const onFormat = (next: CliFormat) => {
    setFormat(next);
    setCopied(undefined);
    props.onFormat(next);
  };
  return (
    <>
      <button
        type="button"
        class={props.arming.arming ? 'button arming' : 'button'}
        onClick={(e) => props.arming.allows(e) && request()}
        disabled={state.kind === 'loading'}
        aria-disabled={props.arming.arming || undefined}
        aria-controls="cli-credentials"
      >
        {state.kind === 'loading' ? t('cliLoading') : t('copyCliCredentials')}
      </button>
      <div id="cli-credentials" class="cli" aria-live="polite">
        {state.kind === 'error' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'shown' && (
          <state.view.CliPanel
            roleName={state.roleName}
            region={state.region}
            expiration={state.credentials.expiration}
            format={format}
            onFormat={onFormat}
            reveal={reveal}
            onReveal={setReveal}
            text={text(format, state, !reveal)}
            onCopy={() => void copy(text(format, state, false))}
            onClose={() => setState({ kind: 'idle' })}
            copied={copied}
            clearsClipboard={props.clearClipboard}
          />
        )}
      </div>
    </>
  );
}
