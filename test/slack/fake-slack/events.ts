import type { EnvelopedEvent } from '@slack/bolt';
import type { AppHomeOpenedEvent, HomeView, KnownBlock } from '@slack/types';
import { type Actor, actionTs, VERIFICATION_TOKEN, viewOutput, who } from './payload-support.js';
import { FAKE_DEFAULTS } from './state.js';
import type { StoredView } from './types.js';

/** The app_home_opened event (inner event); wrap it with eventEnvelope() to send it. */
export function appHomeOpenedEvent(
  options: Actor & { tab?: 'home' | 'messages' } = {},
  overrides: Partial<AppHomeOpenedEvent> = {},
): AppHomeOpenedEvent {
  const { userId, teamId } = who(options);
  const home = options.fake?.homeView(userId, teamId);
  return {
    type: 'app_home_opened',
    user: userId,
    channel: options.fake?.imChannel(userId) ?? 'DFAKE0001',
    tab: options.tab ?? 'home',
    ...(home ? { view: homeViewOf(home) } : {}),
    event_ts: actionTs(options),
    ...overrides,
  };
}

/**
 * @slack/types types the event's view as the input HomeView; Slack sends the full view
 * (id, hash, state…), so the extra fields ride along on an intersection.
 */
function homeViewOf(view: StoredView): HomeView {
  const { type: _type, blocks, ...rest } = viewOutput(view);
  return Object.assign({ type: 'home' as const, blocks: blocks as KnownBlock[] }, rest);
}

let eventCounter = 0;

/** An `event_callback` envelope around an event, with the bot's authorization. */
export function eventEnvelope<E extends { type: string }>(
  event: E,
  options: Actor = {},
  overrides: Partial<EnvelopedEvent<E>> = {},
): EnvelopedEvent<E> {
  const { teamId } = who(options);
  eventCounter += 1;
  const now = options.fake?.now() ?? Date.now();
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: FAKE_DEFAULTS.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(9, '0')}`,
    event_time: Math.floor(now / 1000),
    is_ext_shared_channel: false,
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: FAKE_DEFAULTS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    ...overrides,
  };
}
