import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ActionId,
  CallbackId,
  ContactActionId,
  ContactCallbackId,
  ContactMergeField,
  InteractionFormField,
  ItemActionPrefix,
  LoggedActionPrefix,
  ResultActionId,
  SettingsFormField,
  SlashCommand,
} from '../../../src/adapters/slack/ids.js';
import {
  blockActionsPayload,
  blockSuggestionPayload,
  eventEnvelope,
  globalShortcutPayload,
  messageShortcutPayload,
  sendSlashCommand,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import { ALICE } from '../forms/form-support.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';
import { alter, expectOneUnreadableLine, recordingLogger } from './unreadable-support.js';

const SLACK_SRC = 'src/adapters/slack';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The code of a file, without its comments (which may quote registrations). */
function withoutComments(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
}

describe('the parse step stands in front of every Slack listener', () => {
  it('listeners are registered only under listeners/, and app.ts puts the parse step before them', () => {
    const registering = sourceFiles(SLACK_SRC)
      .filter((file) =>
        /\bapp\.(action|view|options|shortcut|command|event|message)\s*[<(]/.test(withoutComments(file)),
      )
      .map((file) => relative(SLACK_SRC, file));
    expect(registering.length).toBeGreaterThan(0);
    expect(registering.filter((file) => !file.startsWith('listeners/'))).toEqual([]);

    const app = readFileSync(join(SLACK_SRC, 'app.ts'), 'utf8');
    const parse = app.indexOf('parseBeforeRouting(app');
    expect(parse).toBeGreaterThan(0);
    for (const later of ['app.use(', 'registerListeners(app']) {
      expect(app.indexOf(later)).toBeGreaterThan(parse);
    }
  });

  it('ids.ts holds id strings only: the payload codecs live in payloads/', () => {
    expect(readFileSync(join(SLACK_SRC, 'ids.ts'), 'utf8')).not.toMatch(/from 'zod'/);
  });
});

describe('every id the app listens to refuses a payload it cannot read', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  beforeEach(() => {
    log.lines.length = 0;
  });

  const fake = () => ({ fake: slack.fake, userId: ALICE });
  const broken = (payload: object) => alter(payload, ['user'], null);

  const views = [...Object.values(CallbackId), ...Object.values(ContactCallbackId)].filter(
    (id) => id !== CallbackId.logShortcut && id !== CallbackId.logMessageShortcut,
  );
  const actions = [
    ...Object.values(ActionId),
    ...Object.values(ContactActionId),
    ...Object.values(ResultActionId),
    ...Object.values(ItemActionPrefix).map((prefix) => `${prefix}:abc`),
    ...Object.values(LoggedActionPrefix).map((prefix) => `${prefix}:abc`),
  ];
  const searches = [InteractionFormField.contacts, ContactMergeField.target, SettingsFormField.timezone];

  const cases: [string, string, () => Promise<{ status: number }>][] = [
    ...views.map((id): [string, string, () => Promise<{ status: number }>] => [
      'view_submission',
      id,
      () => slack.interact(broken(viewSubmissionPayload({ ...fake(), callbackId: id }))),
    ]),
    ...actions.map((id): [string, string, () => Promise<{ status: number }>] => [
      'block_actions',
      id,
      () => slack.interact(broken(blockActionsPayload({ ...fake(), action: { action_id: id } }))),
    ]),
    ...searches.map((field): [string, string, () => Promise<{ status: number }>] => [
      'block_suggestion',
      field.actionId,
      () =>
        slack.interact(
          broken(
            blockSuggestionPayload({
              ...fake(),
              actionId: field.actionId,
              blockId: field.blockId,
              value: 'a',
            }),
          ),
        ),
    ]),
    [
      'shortcut',
      CallbackId.logShortcut,
      () => slack.interact(broken(globalShortcutPayload({ ...fake(), callbackId: CallbackId.logShortcut }))),
    ],
    [
      'message_action',
      CallbackId.logMessageShortcut,
      () =>
        slack.interact(
          broken(messageShortcutPayload({ ...fake(), callbackId: CallbackId.logMessageShortcut })),
        ),
    ],
    [
      'slash_command',
      SlashCommand.interaction,
      () =>
        sendSlashCommand(slack.url, SIGNING_SECRET, {
          command: SlashCommand.interaction,
          text: 'help',
          user_id: '',
        }),
    ],
    ...(
      [
        ['app_home_opened', { type: 'app_home_opened', user: 5, tab: 'home' }],
        ['tokens_revoked', { type: 'tokens_revoked', tokens: 5 }],
        ['app_uninstalled', { type: 'app_uninstalled' }],
      ] as const
    ).map(([type, event]): [string, string, () => Promise<{ status: number }>] => [
      'event_callback',
      type,
      // app_uninstalled carries nothing to read but its type: its envelope is broken instead.
      () => slack.event(alter(eventEnvelope(event), ['event_id'], type === 'app_uninstalled' ? 5 : 'Ev1')),
    ]),
  ];

  it.each(cases)('%s %s', async (surface, id, send) => {
    const response = await send();

    expect(response.status).toBe(200);
    expectOneUnreadableLine(log.lines, { surface, id });
  });
});
