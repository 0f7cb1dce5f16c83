import type {
  BlockAction,
  BlockSuggestion,
  ButtonAction,
  GlobalShortcut,
  MessageShortcut,
  ViewOutput,
  ViewSubmitAction,
} from '@slack/bolt';
import {
  type Actor,
  actionTs,
  messageOf,
  responseUrl,
  type StateValues,
  trigger,
  VERIFICATION_TOKEN,
  viewOutput,
  who,
} from './payload-support.js';
import { FAKE_DEFAULTS } from './state.js';
import type { StoredView } from './types.js';

/** Interactive payload factories (doc §2.3); see payload-support.ts for the shared options. */

export interface BlockActionsOptions extends Actor {
  /** Merged over a default button click (action_id `button`, block_id `actions`); other element types go in `overrides.actions`. */
  action?: Partial<ButtonAction>;
  channelId?: string;
  messageTs?: string;
  /** The action came from this modal / Home tab instead of a message. */
  view?: StoredView;
  values?: StateValues;
}

export function blockActionsPayload(
  options: BlockActionsOptions = {},
  overrides: Partial<BlockAction> = {},
): BlockAction {
  const { team, user } = who(options);
  const ts = actionTs(options);
  const action: ButtonAction = {
    type: 'button',
    action_id: 'button',
    block_id: 'actions',
    text: { type: 'plain_text', text: 'Click', emoji: true },
    value: 'clicked',
    action_ts: ts,
    ...options.action,
  };
  const base = {
    type: 'block_actions' as const,
    actions: [action],
    team,
    user,
    token: VERIFICATION_TOKEN,
    api_app_id: FAKE_DEFAULTS.appId,
  };
  const state = { values: options.values ?? {} };
  if (options.view) {
    const view = viewOutput(options.view, options.values);
    const container = { type: 'view', view_id: view.id };
    // Actions in views carry no response_url (empty string in Bolt's type).
    return {
      ...base,
      container,
      view,
      state,
      trigger_id: trigger(options, view.id),
      response_url: '',
      ...overrides,
    };
  }
  const channelId = options.channelId ?? FAKE_DEFAULTS.channels.general;
  const messageTs = options.messageTs ?? ts;
  const stored = options.fake?.messages(channelId).find((m) => m.ts === messageTs);
  return {
    ...base,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: options.fake?.channel(channelId).name ?? 'general' },
    message: messageOf(stored, messageTs, FAKE_DEFAULTS.botUserId),
    state,
    trigger_id: trigger(options),
    response_url: responseUrl(options, channelId, messageTs),
    is_enterprise_install: false,
    ...overrides,
  };
}

export interface ViewSubmissionOptions extends Actor {
  /** The modal being submitted (e.g. `fake.openViews()[0]`); a minimal one when omitted. */
  view?: StoredView;
  values?: StateValues;
  callbackId?: string;
}

export function viewSubmissionPayload(
  options: ViewSubmissionOptions = {},
  overrides: Partial<ViewSubmitAction> = {},
): ViewSubmitAction {
  const { team, user, teamId } = who(options);
  const view: ViewOutput = options.view
    ? viewOutput(options.view, options.values)
    : {
        ...viewOutput(
          {
            id: 'VFAKE0001',
            teamId,
            type: 'modal',
            hash: '1.fake',
            rootViewId: 'VFAKE0001',
            previousViewId: null,
            externalId: '',
            definition: { title: { type: 'plain_text', text: 'Modal' }, blocks: [] },
            open: true,
            appId: FAKE_DEFAULTS.appId,
            botId: FAKE_DEFAULTS.botId,
          },
          options.values,
        ),
      };
  if (options.callbackId !== undefined) view.callback_id = options.callbackId;
  return {
    type: 'view_submission',
    team,
    user,
    view,
    api_app_id: FAKE_DEFAULTS.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: trigger(options, view.id),
    is_enterprise_install: false,
    response_urls: [],
    ...overrides,
  };
}

export interface BlockSuggestionOptions extends Actor {
  actionId: string;
  blockId: string;
  /** What the user typed. */
  value: string;
  view?: StoredView;
}

export function blockSuggestionPayload(
  options: BlockSuggestionOptions,
  overrides: Partial<BlockSuggestion> = {},
): BlockSuggestion {
  const { team, user } = who(options);
  const view = options.view ? viewOutput(options.view) : undefined;
  return {
    type: 'block_suggestion',
    block_id: options.blockId,
    action_id: options.actionId,
    value: options.value,
    api_app_id: FAKE_DEFAULTS.appId,
    team,
    user,
    token: VERIFICATION_TOKEN,
    container: view ? { type: 'view', view_id: view.id } : { type: 'message' },
    ...(view ? { view } : {}),
    is_enterprise_install: false,
    ...overrides,
  };
}

export function globalShortcutPayload(
  options: Actor & { callbackId: string },
  overrides: Partial<GlobalShortcut> = {},
): GlobalShortcut {
  const { team, user } = who(options);
  return {
    type: 'shortcut',
    callback_id: options.callbackId,
    trigger_id: trigger(options),
    user: { id: user.id, username: user.username, team_id: user.team_id },
    team,
    token: VERIFICATION_TOKEN,
    action_ts: actionTs(options),
    is_enterprise_install: false,
    ...overrides,
  };
}

export interface MessageShortcutOptions extends Actor {
  callbackId: string;
  channelId?: string;
  /** The message the shortcut was used on; looked up in the fake when it has it. */
  messageTs?: string;
  message?: MessageShortcut['message'];
}

export function messageShortcutPayload(
  options: MessageShortcutOptions,
  overrides: Partial<MessageShortcut> = {},
): MessageShortcut {
  const { team, user } = who(options);
  const channelId = options.channelId ?? FAKE_DEFAULTS.channels.general;
  const messageTs = options.messageTs ?? options.message?.ts ?? actionTs(options);
  const stored = options.fake?.messages(channelId).find((m) => m.ts === messageTs);
  return {
    type: 'message_action',
    callback_id: options.callbackId,
    trigger_id: trigger(options),
    message_ts: messageTs,
    response_url: responseUrl(options, channelId, messageTs),
    message: options.message ?? messageOf(stored, messageTs, user.id),
    user,
    channel: { id: channelId, name: options.fake?.channel(channelId).name ?? 'general' },
    team,
    token: VERIFICATION_TOKEN,
    action_ts: actionTs(options),
    is_enterprise_install: false,
    ...overrides,
  };
}
