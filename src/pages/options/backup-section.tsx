import { useState } from 'preact/hooks';
import { exportSettings, importSettings } from '../../core/settings/file';
import type { SectionProps } from './main';
import { hostOf } from '../../core/base/url-host';
import { t, tMessage } from '../../platform/i18n';
import { Section } from './section';
import { FileButton } from './file-button';

/** The user's settings to a file and back. */
export function BackupSection(props: SectionProps) {
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<{ accepted: string[]; rejected: string[]; links: Array<[string, string]> }>();

  const download = () => {
    const blob = new Blob([exportSettings(props.loaded.user)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'failover-role-picker-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
  };
  const upload = async (file: File | undefined) => {
    setError(undefined);
    setReport(undefined);
    if (!file) return;
    const result = importSettings(await file.text(), props.loaded.user);
    if ('error' in result) {
      setError(t('importFailed', file.name, tMessage(result.error)));
      return;
    }
    await props.replace(result.settings);
    // IdP app links become the primary button when a region is down: show where each one goes.
    const links = result.report.accepted.includes('idpAppLinks') ? Object.entries(result.settings.idpAppLinks) : [];
    setReport({ accepted: [...result.report.accepted], rejected: result.report.rejected.map((r) => tMessage(r)), links });
  };

  return (
    <Section title={t('backupTitle')} id="backup" error={error}>
      <div class="row">
        <button type="button" class="button" onClick={download}>
          {t('exportSettings')}
        </button>
        <FileButton id="settings-file" label={t('importSettingsLabel')} accept=".json,application/json" onFile={(file) => void upload(file)} />
      </div>
      {report && (
        <div class="report" role="status">
          <p>{t('importedSettings', report.accepted.length ? report.accepted.join(', ') : t('importedNothing'))}</p>
          {report.links.length > 0 && (
            <>
              <p>{t('importedLinks')}</p>
              <ul class="imported-links">
                {report.links.map(([region, url]) => (
                  <li key={region}>
                    {region}: <strong>{hostOf(url) ?? url}</strong> <code>{url}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.rejected.length > 0 && (
            <>
              <p>{t('notImported')}</p>
              <ul>
                {report.rejected.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Section>
  );
}

