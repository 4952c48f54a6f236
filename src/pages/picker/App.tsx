import { useEffect, useRef, useState } from 'preact/hooks';
import { decodeSamlResponse, SamlResponseError, type SamlAssertionInfo } from '../../core/saml-decode';
import { assertionAddress, type AssertionAddress } from '../../core/region-choice';
import type { CapturedSignin } from '../../core/captured-signin';
import type { Settings } from '../../core/settings';
import { defaultSettings } from '../../core/settings-defaults';
import type { LoadedSettings } from '../../platform/settings-store';
import { applyAppearance } from '../../ui/appearance';
import { loadCapturedSignin } from './load-signin';
import { forgetWhenLeft } from './leave-guard';
import { PickerBoundary } from './PickerBoundary';
import { RolePicker } from './RolePicker';
import { DecodeErrorView, EncryptedView, FramedView, NoCaptureView, WaitingView } from './StateViews';
import { t, tMessage } from '../../platform/i18n';

type View =
  | { kind: 'waiting' }
  | { kind: 'framed' }
  | { kind: 'no-capture' }
  | { kind: 'decode-error'; capture?: CapturedSignin; message: string }
  | { kind: 'encrypted'; capture: CapturedSignin; info: SamlAssertionInfo; address: AssertionAddress }
  | { kind: 'ready'; capture: CapturedSignin; info: SamlAssertionInfo; address: AssertionAddress; reused?: boolean };

// The settings' schema and store (zod, migrations, sync quotas, managed values) are no part of the
// first paint: the picker shows the roles with the defaults and loads them alongside.
const settingsStore = () => import('../../platform/settings-store');

// The page's own DOMParser is far faster than a JS parser (REFERENCE §7).
const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml');

export function decodeCapture(capture: CapturedSignin): View {
  let info: SamlAssertionInfo;
  try {
    info = decodeSamlResponse(capture.samlResponse, parseXml);
  } catch (error) {
    const message = error instanceof SamlResponseError ? tMessage(error.userMessage) : t('decodeUnreadable');
    return { kind: 'decode-error', capture, message };
  }
  const address = assertionAddress(info.recipient, capture.url);
  if (!address) {
    return {
      kind: 'decode-error',
      capture,
      message: t('decodeNotAwsRecipient', info.recipient ?? t('decodeUnknownAddress')),
    };
  }
  if (info.encrypted) return { kind: 'encrypted', capture, info, address };
  if (!info.roles.length) {
    return { kind: 'decode-error', capture, message: t('decodeNoRoles') };
  }
  return { kind: 'ready', capture, info, address };
}

export function App(props: { framed: boolean; pageOpenedAt: number }) {
  const [view, setView] = useState<View>(props.framed ? { kind: 'framed' } : { kind: 'waiting' });
  const [loaded, setLoaded] = useState<LoadedSettings>(() => ({
    settings: defaultSettings(),
    user: defaultSettings(),
    locked: [],
    rejected: [],
    storedIn: 'sync',
  }));
  const [settingsReady, setSettingsReady] = useState(false);
  const latest = useRef(loaded);
  latest.current = loaded;

  // Settings only add to the picker (names, pins, preferences): it never waits for them.
  const load = () =>
    settingsStore()
      .then((store) => store.loadSettings())
      .then((next) => {
        setLoaded(next);
        setSettingsReady(true);
        applyAppearance(next.settings);
      }, () => undefined);
  useEffect(() => {
    let live = true;
    let unwatch: (() => void) | undefined;
    void load();
    settingsStore().then((store) => {
      if (live) unwatch = store.watchSettings(() => void load());
    }, () => undefined);
    return () => {
      live = false;
      unwatch?.();
    };
  }, []);
  const updateSettings = async (change: (user: Settings) => Settings) => {
    const store = await settingsStore();
    await store.saveSettings(change(latest.current.user));
    await load();
  };

  useEffect(() => {
    if (props.framed) return;
    let live = true;
    loadCapturedSignin(props.pageOpenedAt).then(
      (load) => {
        if (!live) return;
        if (load.kind === 'found') {
          const decoded = decodeCapture(load.capture);
          setView(decoded.kind === 'ready' ? { ...decoded, reused: load.reused } : decoded);
          forgetWhenLeft(load.capture.tabId);
        }
        else if (load.kind === 'invalid') setView({ kind: 'decode-error', message: load.message });
        else setView({ kind: 'no-capture' });
      },
      () => live && setView({ kind: 'no-capture' }),
    );
    return () => {
      live = false;
    };
  }, []);

  switch (view.kind) {
    case 'waiting':
      return <WaitingView />;
    case 'framed':
      return <FramedView />;
    case 'no-capture':
      return <NoCaptureView />;
    case 'decode-error':
      return <DecodeErrorView message={view.message} capture={view.capture} />;
    case 'encrypted':
      return <EncryptedView capture={view.capture} info={view.info} address={view.address} />;
    case 'ready':
      return (
        <PickerBoundary capture={view.capture}>
          <RolePicker
            capture={view.capture}
            info={view.info}
            address={view.address}
            settings={loaded.settings}
            updateSettings={updateSettings}
            reusedCapture={view.reused ?? false}
            settingsReady={settingsReady}
          />
        </PickerBoundary>
      );
  }
}
