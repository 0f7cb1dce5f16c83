import type { ViewOutput, ViewStateValue } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { messageToApi } from './methods/chat.js';
import type { FakeSlack } from './server.js';
import { FAKE_DEFAULTS } from './state.js';
import type { StoredMessage, StoredView } from './types.js';

/**
 * Interaction payload factories, shaped as Slack sends them (doc §2.3, bolt-js types).
 * Each takes semantic `options` and raw `overrides` (shallow-merged last). With `fake`,
 * trigger_ids are issued by the fake (so views.open accepts them) and response_urls point
 * at it; without, placeholders are used.
 */
export interface Actor {
  fake?: FakeSlack;
  teamId?: string;
  userId?: string;
}

export type StateValues = Record<string, Record<string, ViewStateValue>>;

export const VERIFICATION_TOKEN = 'fake-verification-token';

export function who(actor: Actor) {
  const teamId = actor.teamId ?? FAKE_DEFAULTS.teamId;
  const userId = actor.userId ?? FAKE_DEFAULTS.users.alice;
  const name = actor.fake?.user(userId).name ?? 'alice';
  return {
    teamId,
    userId,
    team: {
      id: teamId,
      domain: teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase(),
    },
    user: { id: userId, username: name, name, team_id: teamId },
  };
}

export function actionTs(actor: Actor): string {
  const ms = actor.fake?.now() ?? Date.now();
  return (ms / 1000).toFixed(6);
}

export function trigger(actor: Actor, viewId?: string): string {
  const { teamId, userId } = who(actor);
  return actor.fake?.issueTriggerId({ teamId, userId, viewId }) ?? 'fake.trigger.id';
}

export function responseUrl(actor: Actor, channelId: string, messageTs?: string): string {
  const { teamId, userId } = who(actor);
  return (
    actor.fake?.responseUrl(channelId, userId, { teamId, messageTs }) ??
    'https://hooks.slack.test/actions/fake'
  );
}

/**
 * A stored view as payloads carry it (`body.view`). The definition was validated by the
 * fake, so its title/submit/close are text objects and its blocks are Block Kit blocks.
 */
export function viewOutput(view: StoredView, values: StateValues = {}): ViewOutput {
  const d = view.definition as Record<string, unknown> & Partial<ViewOutput>;
  return {
    id: view.id,
    callback_id: typeof d.callback_id === 'string' ? d.callback_id : '',
    team_id: view.teamId,
    app_installed_team_id: view.teamId,
    app_id: view.appId,
    bot_id: view.botId,
    title: d.title ?? { type: 'plain_text', text: '', emoji: true },
    type: view.type,
    // Validated by the fake's Block Kit checker before it was stored.
    blocks: (d.blocks ?? []) as KnownBlock[],
    close: d.close ?? null,
    submit: d.submit ?? null,
    state: { values },
    hash: view.hash,
    private_metadata: typeof d.private_metadata === 'string' ? d.private_metadata : '',
    root_view_id: view.rootViewId,
    previous_view_id: view.previousViewId,
    clear_on_close: d.clear_on_close === true,
    notify_on_close: d.notify_on_close === true,
    external_id: view.externalId,
  };
}

/** A message as interaction payloads carry it: the fake's copy when it has one. */
export function messageOf(
  stored: StoredMessage | undefined,
  ts: string,
  user: string,
): { type: 'message'; ts: string; user?: string; text?: string } {
  return stored
    ? { ...messageToApi(stored), type: 'message', ts, text: stored.text, user: stored.user }
    : { type: 'message', ts, text: '', user };
}
