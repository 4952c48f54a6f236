import { useEffect, useState } from 'preact/hooks';
import { CLI_FORMATS, formatCliCredentials, maskSecret, profileName, type CliFormat } from '../../core/cli-credentials';
import type { CliCredentials } from '../../messages/protocol';
import { t, tMessage } from '../../platform/i18n';
import { sendToWorker } from '../../platform/worker-client';
import { requestStsAccess } from '../../platform/sts-access';

/** Credentials leave the page after this long, or when it is left. */
const SHOW_FOR_MS = 60_000;

const FORMAT_LABEL = {
  bash: 'cliFormatBash',
  fish: 'cliFormatFish',
  powershell: 'cliFormatPowershell',
  'credentials-file': 'cliFormatFile',
} as const;

interface Props {
  roleArn: string;
  roleName: string;
  /** The account's name, else its ID: names the credentials-file profile. */
  account: string;
  region: string;
  durationCap: number;
  format: CliFormat;
  onFormat: (format: CliFormat) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'shown'; credentials: CliCredentials; roleName: string; region: string; account: string }
  | { kind: 'error'; message: string };

/**
 * "Copy CLI credentials" (issue H): the worker asks the chosen region's STS with the captured
 * assertion and hands the credentials to this page only, in reply to the click. They are kept in
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

  const text = (format: CliFormat, shown: Extract<State, { kind: 'shown' }>, masked: boolean) =>
    formatCliCredentials(format, {
      credentials: masked
        ? { ...shown.credentials, secretAccessKey: maskSecret(shown.credentials.secretAccessKey), sessionToken: maskSecret(shown.credentials.sessionToken) }
        : shown.credentials,
      region: shown.region,
      profile: profileName(shown.account, shown.roleName),
    });

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  const request = () => {
    // Firefox asks for host access from the click itself: before anything is awaited.
    const access = requestStsAccess();
    setState({ kind: 'loading' });
    setCopied(undefined);
    setReveal(false);
    void (async () => {
      if (!(await access)) {
        setState({ kind: 'error', message: t('stsAccessNeeded') });
        return;
      }
      const { roleArn, region, durationCap, roleName, account } = props;
      const reply = await sendToWorker({ type: 'credentials/sts', roleArn, region, durationCap });
      if (!reply.ok || !reply.cliCredentials) {
        setState({ kind: 'error', message: reply.ok ? t('cliNoCredentials') : tMessage(reply.error) });
        return;
      }
      const shown = { kind: 'shown' as const, credentials: reply.cliCredentials, roleName, region, account };
      setState(shown);
      // Still within the click's activation: copy at once; the Copy button stays for a second try.
      await copy(text(format, shown, false));
    })();
  };

  return (
    <>
      <button type="button" class="button" onClick={request} disabled={state.kind === 'loading'} aria-controls="cli-credentials">
        {state.kind === 'loading' ? t('cliLoading') : t('copyCliCredentials')}
      </button>
      <div id="cli-credentials" class="cli" aria-live="polite">
        {state.kind === 'error' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'shown' && (
          <section class="cli-panel" aria-labelledby="cli-title">
            <h2 id="cli-title">{t('cliTitle', state.roleName, state.region)}</h2>
            <p class="hint">{t('cliExpires', new Date(state.credentials.expiration).toLocaleTimeString())}</p>
            <div class="row">
              <label for="cli-format">{t('cliFormatLabel')}</label>
              <select
                id="cli-format"
                value={format}
                onChange={(e) => {
                  const next = (e.target as HTMLSelectElement).value as CliFormat;
                  setFormat(next);
                  setCopied(undefined);
                  props.onFormat(next);
                }}
              >
                {CLI_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(FORMAT_LABEL[f])}
                  </option>
                ))}
              </select>
              <label class="check">
                <input type="checkbox" checked={reveal} onChange={(e) => setReveal((e.target as HTMLInputElement).checked)} />
                {t('cliShowSecrets')}
              </label>
            </div>
            <pre class="cli-text" aria-label={t('cliTextLabel')}>{text(format, state, !reveal)}</pre>
            <div class="actions">
              <button type="button" class="button" onClick={() => void copy(text(format, state, false))}>
                {t('cliCopy')}
              </button>
              <button type="button" class="button" onClick={() => setState({ kind: 'idle' })}>
                {t('cliClose')}
              </button>
              {copied && (
                <span class={copied === 'copied' ? 'hint' : 'error'} role="status">
                  {copied === 'copied' ? t('cliCopied') : t('cliCopyFailed')}
                </span>
              )}
            </div>
          </section>
        )}
      </div>
    </>
  );
}
