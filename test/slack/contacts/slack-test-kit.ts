import type { RespondFn, ViewStateValue } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import type { FieldIds } from '../../../src/adapters/slack/ids.js';
import type { SlackDeps } from '../../../src/adapters/slack/listeners/deps.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import { FAKE_DEFAULTS, type StoredView, webClientFor } from '../fake-slack/index.js';
import type { SlackTestApp } from '../support/slack-app.js';

/**
 * For calling the adapter's entry points (openContactForm, respondContactSearch…) the way the
 * `/interaction` router does, before that router exists: the same tenant the middleware would
 * resolve, a WebClient on the fake, and a respond() that posts to a response_url of the fake.
 */
export const ALICE = FAKE_DEFAULTS.users.alice;
export const BOB = FAKE_DEFAULTS.users.bob;
export const GENERAL = FAKE_DEFAULTS.channels.general;

export async function tenantFor(slack: SlackTestApp, userId: string = ALICE): Promise<Tenant> {
  const { workspaces } = slack.container;
  const workspace = await workspaces.resolveWorkspace({
    platform: 'slack',
    externalId: FAKE_DEFAULTS.teamId,
    name: FAKE_DEFAULTS.teamDomain,
  });
  const user = slack.fake.user(userId);
  const actor = await workspaces.resolveActor({
    workspace,
    userId,
    displayName: user.name,
    facts: { platformAdmin: user.isAdmin, guest: user.isRestricted },
  });
  return { workspace, actor };
}

export function depsFor(slack: SlackTestApp): SlackDeps {
  return {
    container: slack.container,
    parseDate: parseNaturalDate,
    webClientOptions: { slackApiUrl: slack.fake.url },
  };
}

export function clientFor(slack: SlackTestApp): WebClient {
  return webClientFor(slack.fake);
}

export function triggerFor(slack: SlackTestApp, userId: string = ALICE): string {
  return slack.fake.issueTriggerId({ teamId: FAKE_DEFAULTS.teamId, userId });
}

/** Bolt's respond(): a POST of the message to a response_url (here, one of the fake's). */
export function respondVia(slack: SlackTestApp, channel: string, userId: string = ALICE): RespondFn {
  const url = slack.fake.responseUrl(channel, userId);
  return (message) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
    });
}

/** The user's open modal with this callback_id (the latest one). */
export function openView(slack: SlackTestApp, callbackId: string, userId: string = ALICE): StoredView {
  const view = slack.fake
    .openViews(userId)
    .filter((candidate) => candidate.definition.callback_id === callbackId)
    .at(-1);
  if (!view) throw new Error(`no open modal ${callbackId} for ${userId}`);
  return view;
}

/**
 * The `callbackId` modal that `act` opened for the user: exactly one new one, else the test
 * fails (a modal left open by an earlier step does not count).
 */
export async function modalOpenedBy(
  slack: SlackTestApp,
  callbackId: string,
  act: () => Promise<unknown>,
  userId: string = ALICE,
): Promise<StoredView> {
  const ofKind = () =>
    slack.fake.openViews(userId).filter((candidate) => candidate.definition.callback_id === callbackId);
  const before = new Set(ofKind().map((view) => view.id));
  await act();
  const opened = ofKind().filter((view) => !before.has(view.id));
  if (opened.length !== 1) throw new Error(`${opened.length} new ${callbackId} modals for ${userId}, not 1`);
  return opened[0] as StoredView;
}

export type Values = Record<string, Record<string, ViewStateValue>>;

/** State values of text inputs, keyed by the form's field ids. */
export function textValues(fields: [FieldIds, string][]): Values {
  const values: Values = {};
  for (const [ids, value] of fields) {
    values[ids.blockId] = { [ids.actionId]: { type: 'plain_text_input', value } };
  }
  return values;
}

export function stateValue(ids: FieldIds, value: ViewStateValue): Values {
  return { [ids.blockId]: { [ids.actionId]: value } };
}

/** Every `text` string in a block tree, joined: what a reader of the surface sees. */
export function allText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** An `errors` ack's map, or undefined when the body is something else. */
export function ackErrors(body: unknown): Record<string, string> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (!('response_action' in body) || body.response_action !== 'errors' || !('errors' in body))
    return undefined;
  const { errors } = body;
  return typeof errors === 'object' && errors !== null
    ? Object.fromEntries(Object.entries(errors))
    : undefined;
}
