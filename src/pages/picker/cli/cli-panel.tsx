import { CLI_FORMATS, type CliFormat } from '../../../core/signin/cli-credentials';
import { t } from '../../../platform/i18n';
import { clockTime } from '../../../ui/clock-time';

const FORMAT_LABEL = {
  bash: 'cliFormatBash',
  fish: 'cliFormatFish',
  powershell: 'cliFormatPowershell',
  'credentials-file': 'cliFormatFile',
} as const;

interface Props {
  roleName: string;
  region: string;
  /** When STS says they expire (ISO 8601). */
  expiration: string;
  format: CliFormat;
  onFormat: (format: CliFormat) => void;
  reveal: boolean;
  onReveal: (reveal: boolean) => void;
  /** The credentials in the chosen format, masked unless revealed. */
  text: string;
  onCopy: () => void;
  onClose: () => void;
  copied: 'copied' | 'failed' | undefined;
  /** The clipboard is cleared a minute after the copy (the user's setting). */
  clearsClipboard: boolean;
}

/** The CLI credentials shown (CliCredentials.tsx keeps them): the format, Show, Copy, Close. */
export function CliPanel(props: Props) {
  const { copied } = props;
  return (
    <section class="cli-panel" aria-labelledby="cli-title">
      <h2 id="cli-title">{t('cliTitle', props.roleName, props.region)}</h2>
      <p class="hint">{t('cliExpires', clockTime(props.expiration))}</p>
      <div class="row">
        <label for="cli-format">{t('cliFormatLabel')}</label>
        <select id="cli-format" value={props.format} onChange={(e) => props.onFormat((e.target as HTMLSelectElement).value as CliFormat)}>
          {CLI_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(FORMAT_LABEL[f])}
            </option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" checked={props.reveal} onChange={(e) => props.onReveal((e.target as HTMLInputElement).checked)} />
          {t('cliShowSecrets')}
        </label>
      </div>
      <pre class="cli-text" aria-label={t('cliTextLabel')}>{props.text}</pre>
      <div class="actions">
        <button type="button" class="button" onClick={props.onCopy}>
          {t('cliCopy')}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {t('cliClose')}
        </button>
        {copied && (
          <span class={copied === 'copied' ? 'hint' : 'error'} role="status">
            {copied === 'failed' ? t('cliCopyFailed') : props.clearsClipboard ? t('cliCopiedClearsSoon') : t('cliCopied')}
          </span>
        )}
      </div>
    </section>
  );
}
