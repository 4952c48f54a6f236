import { render } from 'preact';
import '../../ui/base.css';
import './picker.css';
import { App } from './App';

// A picker inside someone else's frame could be used for clickjacking: only run top-level.
const framed = window.top !== window.self;
const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App framed={framed} pageOpenedAt={performance.timeOrigin} wasReloaded={navigation?.type === 'reload'} />, root);
}
