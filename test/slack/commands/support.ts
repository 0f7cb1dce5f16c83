import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor, Role } from '../../../src/core/shared/actor.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import { blockActionsPayload, FAKE_DEFAULTS, type JsonObject } from '../fake-slack/index.js';
import type { SlackTestApp } from '../support/slack-app.js';

export const ALICE = FAKE_DEFAULTS.users.alice;
export const BOB = FAKE_DEFAULTS.users.bob;
export const GENERAL = FAKE_DEFAULTS.channels.general;
export const RANDOM = FAKE_DEFAULTS.channels.random;

export interface Seeded {
  workspace: Workspace;
  /** alice: the first member, so the workspace owner. */
  owner: Actor;
}

/** The workspace and its owner (alice), through the same use cases the middleware calls. */
export async function seedWorkspace(slack: SlackTestApp): Promise<Seeded> {
  const { workspaces } = slack.container;
  const workspace = await workspaces.resolveWorkspace({
    platform: 'slack',
    externalId: FAKE_DEFAULTS.teamId,
    name: FAKE_DEFAULTS.teamDomain,
  });
  // alice is the fake workspace's primary owner, as users.info says.
  const owner = await workspaces.resolveActor({
    workspace,
    userId: ALICE,
    displayName: 'alice',
    facts: { platformAdmin: true },
  });
  return { workspace, owner };
}

/** A chat user with a given role, created before their first request (the tenant cache never sees the default). */
export async function memberWithRole(slack: SlackTestApp, seeded: Seeded, name: string, role: Role) {
  const user = slack.fake.addUser({ name });
  const { workspaces } = slack.container;
  await workspaces.resolveActor({ workspace: seeded.workspace, userId: user.id, displayName: name });
  await workspaces.setRole(seeded.owner, { userId: user.id, role });
  return user.id;
}

export async function addContact(
  slack: SlackTestApp,
  actor: Actor,
  fields: { firstName: string; lastName?: string; emails?: string[]; organisation?: string },
): Promise<Contact> {
  return slack.container.contacts.createContact(actor, fields);
}

let keys = 0;

export async function logFor(
  slack: SlackTestApp,
  actor: Actor,
  contacts: Contact | Contact[],
  fields: { type?: string; at?: Date; description?: string; actions?: string[]; followUpAt?: Date } = {},
): Promise<Interaction[]> {
  const list = Array.isArray(contacts) ? contacts : [contacts];
  const result = await slack.container.interactions.logInteraction(actor, {
    idempotencyKey: `seed-${++keys}`,
    contactIds: list.map((contact) => contact.id),
    type: fields.type ?? 'Call',
    description: fields.description ?? '',
    actions: fields.actions ?? [],
    occurredAt: fields.at ?? new Date(slack.clock.now().getTime() - 3_600_000),
    ...(fields.followUpAt ? { followUp: { dueAt: fields.followUpAt } } : {}),
  });
  return result.interactions;
}

/** Minutes before the test clock's now. */
export function minutesAgo(slack: SlackTestApp, minutes: number): Date {
  return new Date(slack.clock.now().getTime() - minutes * 60_000);
}

export function lastEphemeral(slack: SlackTestApp, channel: string = GENERAL) {
  const all = slack.fake.ephemeralMessages(channel);
  const last = all.at(-1);
  if (!last) throw new Error(`No ephemeral message in ${channel}`);
  return last;
}

/** Every `text` in the blocks joined: what a reader could see, to assert on wording. */
export function visibleText(blocks: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return texts.join('\n');
}

/** Every mrkdwn text (what Slack parses for mentions and links); plain_text is shown as typed. */
export function mrkdwnTexts(blocks: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const object = node as JsonObject;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(blocks);
  return texts.join('\n');
}

/** The interactive element with this action_id (or matching the pattern) anywhere in the blocks. */
export function findElement(blocks: unknown, actionId: string | RegExp): JsonObject {
  let found: JsonObject | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const id = (node as JsonObject).action_id;
      if (typeof id === 'string' && (typeof actionId === 'string' ? id === actionId : actionId.test(id))) {
        found = node as JsonObject;
        return;
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(blocks);
  if (!found) throw new Error(`No element ${String(actionId)} in the blocks`);
  return found;
}

/** Clicks a button of a message, as Slack sends it: with a trigger and a response_url to the fake. */
export function click(
  slack: SlackTestApp,
  element: JsonObject,
  where: { channelId?: string; messageTs?: string; userId?: string; blockId?: string } = {},
) {
  const actionId = String(element.action_id);
  return slack.interact(
    blockActionsPayload({
      fake: slack.fake,
      channelId: where.channelId ?? GENERAL,
      ...(where.messageTs ? { messageTs: where.messageTs } : {}),
      ...(where.userId ? { userId: where.userId } : {}),
      action: {
        action_id: actionId,
        block_id: where.blockId ?? 'actions',
        value: typeof element.value === 'string' ? element.value : '',
      },
    }),
  );
}

/** The last POST the app made to a response_url, as the fake received it. */
export function lastResponseUrlBody(slack: SlackTestApp): JsonObject {
  const call = slack.fake.callsTo('response_url').at(-1);
  if (!call) throw new Error('No response_url call');
  return call.args;
}

/** CSV lines of a file the bot shared (byte-order mark dropped); the header first. */
export function csvLines(slack: SlackTestApp, fileId: string): string[] {
  const content = slack.fake.fileContent(fileId)?.toString('utf8') ?? '';
  return content
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
}
