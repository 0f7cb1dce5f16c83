import type { StaticSelectAction, UploadedFile, ViewStateValue } from '@slack/bolt';
import { expect } from 'vitest';
import {
  CallbackId,
  InteractionFormField as F,
  type FieldIds,
  OTHER_TYPE_VALUE,
} from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import {
  blockActionsPayload,
  FAKE_DEFAULTS,
  globalShortcutPayload,
  type SlackHttpResponse,
  type StateValues,
  type StoredView,
  sendInteraction,
  viewSubmissionPayload,
} from '../fake-slack/index.js';
import { SIGNING_SECRET, type SlackTestApp } from '../support/slack-app.js';

export const ALICE = FAKE_DEFAULTS.users.alice;
export const BOB = FAKE_DEFAULTS.users.bob;
export const GENERAL = FAKE_DEFAULTS.channels.general;

export interface Seeded {
  workspace: Workspace;
  /** First member: owner. */
  alice: Actor;
  bob: Actor;
}

/** The workspace as the tenant middleware will find it, with alice (owner) and bob (member). */
export async function seedWorkspace(slack: SlackTestApp): Promise<Seeded> {
  const { workspaces } = slack.container;
  const workspace = await workspaces.resolveWorkspace({
    platform: 'slack',
    externalId: FAKE_DEFAULTS.teamId,
  });
  // alice is the fake workspace's primary owner, as users.info says.
  const alice = await workspaces.resolveActor({
    workspace,
    userId: ALICE,
    displayName: 'alice',
    facts: { platformAdmin: true },
  });
  const bob = await workspaces.resolveActor({ workspace, userId: BOB, displayName: 'bob' });
  return { workspace, alice, bob };
}

let contactCounter = 0;

export async function addContact(
  slack: SlackTestApp,
  actor: Actor,
  firstName: string,
  lastName = `Contact${++contactCounter}`,
  email?: string,
): Promise<Contact> {
  return slack.container.contacts.createContact(actor, {
    firstName,
    lastName,
    ...(email ? { emails: [email] } : {}),
  });
}

export async function interactionsOf(
  slack: SlackTestApp,
  actor: Actor,
  contactIds: string[],
): Promise<Interaction[]> {
  const page = await slack.container.interactions.listInteractions(actor, {
    filter: { contactIds },
    limit: 50,
  });
  return page.items;
}

/** The user's topmost open modal. */
export function openModal(slack: SlackTestApp, user: string = ALICE): StoredView {
  const view = slack.fake.openViews(user).at(-1);
  if (!view) throw new Error(`no modal open for ${user}`);
  return view;
}

/** The global shortcut, as Slack sends it; returns the modal it opened. */
export async function openLogFormByShortcut(slack: SlackTestApp, user: string = ALICE): Promise<StoredView> {
  const response = await slack.interact(
    globalShortcutPayload({ fake: slack.fake, userId: user, callbackId: CallbackId.logShortcut }),
  );
  expect(response.status).toBe(200);
  return openModal(slack, user);
}

export type Blocks = { type: string; block_id?: string; element?: Record<string, unknown> }[];

export function blocksOf(view: StoredView): Blocks {
  return view.definition.blocks as Blocks;
}

export function elementOf(view: StoredView, field: FieldIds): Record<string, unknown> | undefined {
  return blocksOf(view).find((block) => block.block_id === field.blockId)?.element;
}

/** What the form's widgets hold, in the shape of view.state.values. */
export interface FormInput {
  contacts?: { id: string; label?: string }[];
  type?: string;
  customType?: string;
  actions?: string[];
  newActions?: string;
  description?: string;
  date?: string;
  time?: string;
  followUpDate?: string;
  followUpTime?: string;
  assignee?: string;
  important?: boolean;
  visitAddress?: string;
  direction?: string;
  channel?: string;
  /** Slack's file objects; only the fields the form keeps matter. */
  files?: Partial<UploadedFile>[];
}

function put(values: StateValues, field: FieldIds, value: ViewStateValue): void {
  values[field.blockId] = { [field.actionId]: value };
}

const opt = (value: string) => ({ text: { type: 'plain_text' as const, text: value }, value });

/** A file as Slack reports it, with the fields a test leaves out filled with neutral values. */
function asUploadedFile(file: Partial<UploadedFile>): UploadedFile {
  return {
    id: 'F0',
    created: 0,
    timestamp: 0,
    name: '',
    title: '',
    filetype: '',
    mimetype: '',
    permalink: '',
    url_private: '',
    url_private_download: '',
    user: ALICE,
    user_team: FAKE_DEFAULTS.teamId,
    ...file,
  };
}

export function formState(input: FormInput): StateValues {
  const values: StateValues = {};
  if (input.contacts) {
    put(values, F.contacts, {
      type: 'multi_external_select',
      selected_options: input.contacts.map((c) => ({
        text: { type: 'plain_text', text: c.label ?? c.id },
        value: c.id,
      })),
    });
  }
  if (input.type) put(values, F.type, { type: 'static_select', selected_option: opt(input.type) });
  if (input.customType !== undefined)
    put(values, F.customType, { type: 'plain_text_input', value: input.customType });
  if (input.actions)
    put(values, F.actions, { type: 'multi_static_select', selected_options: input.actions.map(opt) });
  if (input.newActions !== undefined)
    put(values, F.newActions, { type: 'plain_text_input', value: input.newActions });
  if (input.description !== undefined) {
    put(values, F.description, { type: 'plain_text_input', value: input.description });
  }
  put(values, F.date, { type: 'datepicker', selected_date: input.date ?? '2026-11-16' });
  put(values, F.time, { type: 'timepicker', selected_time: input.time ?? '08:30' });
  put(values, F.followUpDate, { type: 'datepicker', selected_date: input.followUpDate ?? null });
  put(values, F.followUpTime, { type: 'timepicker', selected_time: input.followUpTime ?? null });
  put(values, F.followUpAssignee, { type: 'users_select', selected_user: input.assignee ?? null });
  put(values, F.important, {
    type: 'checkboxes',
    selected_options: input.important ? [opt('important')] : [],
  });
  if (input.visitAddress !== undefined) {
    put(values, F.visitAddress, { type: 'plain_text_input', value: input.visitAddress });
  }
  put(values, F.direction, {
    type: 'static_select',
    selected_option: input.direction ? opt(input.direction) : null,
  });
  put(values, F.channel, {
    type: 'static_select',
    selected_option: input.channel ? opt(input.channel) : null,
  });
  if (input.files) put(values, F.attachments, { type: 'file_input', files: input.files.map(asUploadedFile) });
  return values;
}

export { OTHER_TYPE_VALUE };

export function submission(slack: SlackTestApp, view: StoredView, input: FormInput, user: string = ALICE) {
  return viewSubmissionPayload({ fake: slack.fake, userId: user, view, values: formState(input) });
}

export function submit(slack: SlackTestApp, view: StoredView, input: FormInput, user: string = ALICE) {
  return slack.interact(submission(slack, view, input, user));
}

/** The same payload again, flagged as Slack's redelivery. */
export async function resend(slack: SlackTestApp, payload: object): Promise<SlackHttpResponse> {
  const response = await sendInteraction(slack.url, SIGNING_SECRET, payload, {
    headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
  });
  await slack.settled();
  return response;
}

/** Every text string in some blocks, joined: what a reader would see. */
export function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join('\n');
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value)
    .map(([key, item]) => (key === 'text' && typeof item === 'string' ? item : textOf(item)))
    .filter(Boolean)
    .join('\n');
}

/** The mrkdwn texts only: what Slack parses for mentions and links. */
export function mrkdwnOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(mrkdwnOf).filter(Boolean).join('\n');
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  if (record.type === 'mrkdwn' && typeof record.text === 'string') return record.text;
  return Object.values(record).map(mrkdwnOf).filter(Boolean).join('\n');
}

/** The block_actions element a type choice sends. */
export function typeChoice(type: string): StaticSelectAction {
  return {
    type: 'static_select',
    action_id: F.type.actionId,
    block_id: F.type.blockId,
    action_ts: '1.000001',
    selected_option: opt(type),
  };
}

/** Picks a type in the open form, as a user does: Slack sends it at once (dispatch_action). */
export async function chooseType(slack: SlackTestApp, view: StoredView, type: string, user: string = ALICE) {
  const selected = opt(type);
  const response = await slack.interact(
    blockActionsPayload(
      {
        fake: slack.fake,
        userId: user,
        view,
        values: {
          [F.type.blockId]: { [F.type.actionId]: { type: 'static_select', selected_option: selected } },
        },
      },
      { actions: [typeChoice(type)] },
    ),
  );
  expect(response.status).toBe(200);
  return openModal(slack, user);
}

interface ActionsBlock {
  type: string;
  elements?: { action_id: string; value: string }[];
}

/** The button row of a posted message. */
export function actionsBlockOf(message: { blocks?: unknown[] } | undefined): ActionsBlock | undefined {
  return ((message?.blocks ?? []) as ActionsBlock[]).find((block) => block.type === 'actions');
}
