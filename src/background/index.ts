import { onTabClosed } from '../platform/extension';
import { removeCapture, restrictSessionStorage, saveCapture } from '../platform/session-store';
import { listenForSigninPosts } from '../platform/signin-capture';

// Listeners first and synchronously: Chrome only wakes a sleeping worker for events whose
// listeners were registered in the worker's first turn.
listenForSigninPosts((capture) => {
  saveCapture(capture).catch(() => console.error('Could not keep the captured sign-in for the picker.'));
});

onTabClosed((tabId) => {
  removeCapture(tabId).catch(() => undefined);
});

restrictSessionStorage().catch(() => undefined);
