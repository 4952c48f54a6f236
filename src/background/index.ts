import type { MessageReply } from '../messages/protocol';
import { onTabClosed, onUpdated } from '../platform/extension';
import { migrateStoredSettings } from '../platform/settings-store';
import { handleMessages } from '../platform/messaging';
import { CAPTURE_MAX_AGE_MS } from '../core/signin/capture';
import { removeCapturesOlderThan, restrictSessionStorage, saveCapture } from '../platform/session-store';
import { forgetTab } from '../platform/storage-item';
import { forgetRetiredSwitchCopy, glanceAtSettings, watchStoredSettings } from '../platform/stored-settings';
import { letOwnPostsThrough, listenForSigninPosts, setInterceptionEnabled } from '../platform/signin-capture';
import { watchReposts } from '../platform/repost-watch';
import { explainRejection, followRepost, forgetLandedSignin } from './diagnosis';
import { recordLearnedNames } from '../platform/learned-names';
import { refreshHealth } from './health';
import { showHealthBadge } from './badge';
import { clearClipboardLater, listenForClipboardClear } from './clipboard';
import { mayKeep } from '../core/base/private-window';
import { tabInPrivateWindow } from '../platform/private-window';

// Listeners first and synchronously: Chrome only wakes a sleeping worker for events whose
// listeners were registered in the worker's first turn.
// Returning the save lets Firefox's blocking listener redirect only once the capture is stored.
listenForSigninPosts((capture) => saveCapture(capture).catch(() => console.error('Could not keep the captured sign-in for the picker.')));

watchReposts((tabId, outcome, postedAt) => {
  followRepost(tabId, outcome, postedAt).catch(() => undefined);
});

// An update keeps what the user had: settings of an earlier version are written back in this one's shape.
onUpdated(() => {
  migrateStoredSettings().catch(() => console.error('Could not carry the settings over to this version.'));
});
listenForClipboardClear();

onTabClosed((tabId) => {
  forgetTab(tabId).catch(() => undefined);
});

handleMessages(async (message, tabId): Promise<MessageReply> => {
  switch (message.type) {
    case 'health/refresh':
      // Answer at once: the picker follows the results through storage as they arrive.
      void refreshHealth(message.partition, message.force, message.first);
      return { ok: true };
    case 'signin/rejected':
      if (tabId !== undefined) await explainRejection(tabId, message.awsMessage);
      return { ok: true };
    case 'signin/landed':
      if (tabId !== undefined) await forgetLandedSignin(tabId, message.pageSince);
      return { ok: true };
    case 'names/seen':
      // The user is on AWS's own role page: what it names is kept as on "Get account names from AWS"
      // (not from a private window: core/base/private-window.ts).
      if (mayKeep('learned-names', await tabInPrivateWindow(tabId))) await recordLearnedNames(message.names, Date.now());
      return { ok: true };
    case 'clipboard/clear-later':
      await clearClipboardLater(Date.now());
      return { ok: true };
  }
});

letOwnPostsThrough().catch(() => console.error('Could not let our own sign-in posts through: the re-post would come back to the picker.'));
restrictSessionStorage().catch(() => undefined);
removeCapturesOlderThan(CAPTURE_MAX_AGE_MS).catch(() => undefined);

// The worker is the one reader of the switch and the one writer of the badge: both follow the
// stored settings wherever they changed (the options page, another device, a policy).
const applySettings = () => {
  // Until the first glance, a Firefox listener waits for it (the policy may correct it later).
  let decideFirst: (on: boolean) => void = () => undefined;
  void setInterceptionEnabled(new Promise<boolean>((resolve) => (decideFirst = resolve))).catch(() => undefined);
  let seen = false;
  glanceAtSettings((settings) => {
    const on = settings.interceptionEnabled;
    if (seen) void setInterceptionEnabled(Promise.resolve(on)).catch(() => undefined);
    else decideFirst(on);
    seen = true;
    showHealthBadge(settings);
  }).catch(() => decideFirst(true));
};
applySettings();
watchStoredSettings(applySettings);
forgetRetiredSwitchCopy().catch(() => undefined);
