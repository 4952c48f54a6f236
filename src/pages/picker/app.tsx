import { useEffect, useState } from 'preact/hooks';
import { loadCapturedSignin } from './views/load-signin';
import { forgetWhenLeft } from './signin/leave-guard';
import { PickerBoundary } from './views/picker-boundary';
import { RolePicker } from './role-picker';
import { CaptureNotKeptView, DecodeErrorView, EncryptedView, ExpiredView, FramedView, NoCaptureView, WaitingView } from './views/state-views';
import { CHOOSING, decodeCapture, pickerView, type PickerLoad, type RolesPhase } from './views/picker-state';
import { usePickerSettings } from './use-picker-settings';
import { useNow } from './views/expiry';
import { continueWithSts } from './signin/sign-in';
// The page's own DOMParser is far faster than a JS parser (docs/testing.md#toolchain-and-xml-parsers).
import { parseXml } from '../../platform/xml';

export function App(props: { framed: boolean; pageOpenedAt: number }) {
  const [load, setLoad] = useState<PickerLoad>(props.framed ? { kind: 'framed' } : { kind: 'waiting' });
  const [phase, setPhase] = useState<RolesPhase>(CHOOSING);
  const now = useNow();
  const { settings, locked, ready, update } = usePickerSettings();

  useEffect(() => {
    if (props.framed) return;
    let live = true;
    loadCapturedSignin(props.pageOpenedAt).then(
      (found) => {
        if (!live) return;
        if (found.kind === 'found') {
          const decoded = decodeCapture(found.capture, parseXml, found.reused);
          setLoad(decoded);
          forgetWhenLeft(found.capture.tabId, found.capture.capturedAt);
          if (found.continuation && decoded.kind === 'roles') {
            setPhase({ kind: 'signing-in', viaSts: true });
            void continueWithSts(found.continuation).then((leaving) => live && !leaving && setPhase(CHOOSING));
          }
        }
        else if (found.kind === 'invalid') setLoad({ kind: 'decode-error', message: found.message });
        else setLoad({ kind: found.reason === 'not-kept' ? 'capture-not-kept' : 'no-capture' });
      },
      () => live && setLoad({ kind: 'no-capture' }),
    );
    return () => {
      live = false;
    };
  }, []);

  const view = pickerView(load, phase, now);
  switch (view.kind) {
    case 'waiting':
      return <WaitingView />;
    case 'framed':
      return <FramedView />;
    case 'no-capture':
      return <NoCaptureView />;
    case 'capture-not-kept':
      return <CaptureNotKeptView />;
    case 'decode-error':
      return <DecodeErrorView message={view.message} capture={view.capture} />;
    case 'expired':
      return <ExpiredView capture={view.capture} notOnOrAfter={view.notOnOrAfter} />;
    case 'encrypted':
      return <EncryptedView capture={view.capture} info={view.info} address={view.address} now={now} />;
    case 'roles':
      return (
        <PickerBoundary capture={view.capture}>
          <RolePicker
            assertion={view}
            phase={view.phase}
            onPhase={setPhase}
            now={now}
            settings={settings}
            locked={locked}
            updateSettings={update}
            reusedCapture={view.reused}
            settingsReady={ready}
          />
        </PickerBoundary>
      );
  }
}
