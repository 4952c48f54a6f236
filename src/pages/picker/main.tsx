import { render } from 'preact';
import '../../ui/base.css';
import './picker.css';
import { App } from './App';
import { t } from '../../platform/i18n';

// A picker inside someone else's frame could be used for clickjacking: only run top-level.
const framed = window.top !== window.self;
const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
// A reload, or the diagnosis page's "try another region", reuses the sign-in this tab caught.
const reuseCapture = navigation?.type === 'reload' || new URLSearchParams(location.search).has('retry');
document.title = t('pickerPageTitle');
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App framed={framed} pageOpenedAt={performance.timeOrigin} reuseCapture={reuseCapture} />, root);
}
