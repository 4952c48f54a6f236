import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// One config, one target per run: BROWSER=chrome (default) writes dist/chrome.
const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [crx({ manifest, browser })],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      // Pages reached only through a redirect are not in the manifest's page keys.
      input: { picker: 'src/pages/picker/index.html' },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
