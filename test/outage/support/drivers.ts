import { expect } from 'vitest';
import { ActionId } from '../../../src/adapters/slack/ids.js';
import type { AckDeadlineFactory } from '../../../src/adapters/slack/listeners/support/ack-deadline.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { findElement } from '../../slack/commands/support.js';
import { blockActionsPayload, type StoredView } from '../../slack/fake-slack/index.js';
import {
  ALICE,
  addContact,
  GENERAL,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submission,
  textOf,
} from '../../slack/forms/form-support.js';
import type { SlackTestApp } from '../../slack/support/slack-app.js';
import { action, cardOf, cardText, dialogCard } from '../../teams/support/cards.js';
import { addContact as addTeamsContact, seedTenant, type TeamsWorld } from '../../teams/support/seed.js';
import { personalChat, type TeamsTestApp } from '../../teams/support/teams-app.js';
import { ACK_WINDOW_MS } from './outage-stores.js';

/** A form submission always waits for its write: the store's own deadline decides the answer. */
export const writeDeadlineNeverPasses: AckDeadlineFactory = () => ({
  reached: new Promise(() => {}),
  cancel() {},
});

/** What the person saw after one request: the HTTP status and every word they were shown. */
export interface Seen {
  status: number;
  told: string;
  /** For the figures only (SHOW_SEEN=1 prints them); never asserted: the AbortSignal is the deadline. */
  tookMs?: number;
}

const inTime = () => AbortSignal.timeout(ACK_WINDOW_MS);

/** Runs one request and notes how long its answer took (for the figures, never asserted). */
async function timed(request: () => Promise<Seen>): Promise<Seen> {
  const started = performance.now();
  const seen = await request();
  return { ...seen, tookMs: Math.round(performance.now() - started) };
}

/** Slack: alice's workspace, a contact, and a log form she opened while the store was up. */
export class SlackPerson {
  seeded!: Seeded;
  contact!: Contact;
  constructor(private readonly slack: SlackTestApp) {}

  async setUp(): Promise<void> {
    this.seeded = await seedWorkspace(this.slack);
    this.contact = await addContact(this.slack, this.seeded.alice, 'Rachel', 'Cohen');
  }

  private saidSince(before: { ephemerals: number; dms: number }): string {
    const { fake } = this.slack;
    return [
      ...fake.ephemeralMessages(GENERAL).slice(before.ephemerals),
      ...fake.messages(ALICE).slice(before.dms),
    ]
      .map((message) => `${message.text ?? ''}\n${textOf(message.blocks)}`)
      .join('\n');
  }

  private mark() {
    return {
      ephemerals: this.slack.fake.ephemeralMessages(GENERAL).length,
      dms: this.slack.fake.messages(ALICE).length,
    };
  }

  /** `/interaction log Cohen call "…"`: a write from a command. */
  async typedLog(description: string): Promise<Seen> {
    return timed(async () => {
      const before = this.mark();
      const response = await this.slack.command(`log Cohen call "${description}"`, { signal: inTime() });
      return { status: response.status, told: `${textOf(response.body)}\n${this.saidSince(before)}` };
    });
  }

  /** `/interaction timeline Cohen`: a read from a command. */
  async timeline(): Promise<Seen> {
    return timed(async () => {
      const before = this.mark();
      const response = await this.slack.command('timeline Cohen', { signal: inTime() });
      return { status: response.status, told: `${textOf(response.body)}\n${this.saidSince(before)}` };
    });
  }

  /** The timeline's buttons, shown while the store answered. */
  async showTimeline(): Promise<Record<string, unknown>> {
    await this.slack.command('timeline Cohen');
    const shown = this.slack.fake.ephemeralMessages(GENERAL).at(-1);
    return findElement(shown?.blocks, ActionId.timelineLog);
  }

  /** A button of a message: the timeline's Log button (block_actions). */
  async pressButton(button: Record<string, unknown>): Promise<Seen> {
    return timed(async () => {
      const before = this.mark();
      const payload = blockActionsPayload({
        fake: this.slack.fake,
        channelId: GENERAL,
        action: {
          action_id: String(button.action_id),
          block_id: 'actions',
          value: typeof button.value === 'string' ? button.value : '',
        },
      });
      const response = await this.slack.interact(payload, { signal: inTime() });
      return { status: response.status, told: `${textOf(response.body)}\n${this.saidSince(before)}` };
    });
  }

  async openForm(): Promise<StoredView> {
    return openLogFormByShortcut(this.slack);
  }

  /** The log form's Log button: a view submission. */
  async submitForm(view: StoredView, description: string): Promise<Seen> {
    return timed(async () => {
      const before = this.mark();
      const payload = submission(this.slack, view, {
        contacts: [{ id: this.contact.id }],
        type: 'Call',
        description,
      });
      const response = await this.slack.interact(payload, { signal: inTime() });
      return { status: response.status, told: `${textOf(response.body)}\n${this.saidSince(before)}` };
    });
  }
}

const fetchTask = (data: Record<string, unknown>) => ({
  data: { ...data, msteams: { type: 'task/fetch' } },
  context: { theme: 'default' },
});

/** Teams: alice's tenant, a contact, her typed lines and the log dialog. */
export class TeamsPerson {
  world!: TeamsWorld;
  contact!: Contact;
  constructor(private readonly teams: TeamsTestApp) {}

  async setUp(): Promise<void> {
    this.world = await seedTenant(this.teams.container);
    this.contact = await addTeamsContact(this.teams.container, this.world.actors.alice, 'Ann', 'Lévy');
  }

  private replies() {
    return this.teams.connector.messages(personalChat('alice'));
  }

  private saidSince(count: number): string {
    return this.replies()
      .slice(count)
      .map((reply) => (reply.attachments?.length ? cardText(cardOf(reply)) : (reply.text ?? '')))
      .join('\n');
  }

  /** `log Lévy call "…"` typed in the personal chat. */
  async typedLog(description: string): Promise<Seen> {
    return timed(async () => {
      const before = this.replies().length;
      const response = await this.teams.message(`log Lévy call "${description}"`, { signal: inTime() });
      return { status: response.status, told: this.saidSince(before) };
    });
  }

  /** The "timeline" button of a logged line's confirmation card, shown while the store answered. */
  async showTimelineButton(): Promise<{ verb?: string; data?: Record<string, unknown> }> {
    await this.teams.message('log Lévy call "Before the outage"');
    return action(cardOf(this.replies().at(-1)), "Ann Lévy's timeline");
  }

  /** A card button: an adaptiveCard/action invoke answered in the HTTP body. */
  async pressButton(button: { verb?: string; data?: Record<string, unknown> }): Promise<Seen> {
    return timed(async () => {
      const response = await this.teams.invoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
        { signal: inTime() },
      );
      const body = response.body as { type?: string; value?: unknown } | undefined;
      const told = typeof body?.value === 'string' ? body.value : cardText(body?.value);
      return { status: response.status, told };
    });
  }

  /** The log dialog's card, fetched while the store answers. */
  async openDialog(): Promise<Record<string, unknown>> {
    const card = dialogCard(
      (await this.teams.invoke('task/fetch', fetchTask({ dialog: 'log', contactId: this.contact.id }))).body,
    );
    return action(card, 'Log').data ?? {};
  }

  /** The dialog's Log button: a task/submit answered in the HTTP body. */
  async submitDialog(data: Record<string, unknown>, description: string): Promise<Seen> {
    return timed(async () => {
      const before = this.replies().length;
      const response = await this.teams.invoke(
        'task/submit',
        { data: { ...data, contacts: this.contact.id, type: 'Call', description } },
        { signal: inTime() },
      );
      const task = (response.body as { task?: { type?: string; value?: unknown } } | undefined)?.task;
      const closing = task?.type === 'message' && typeof task.value === 'string' ? task.value : '';
      return { status: response.status, told: `${closing}\n${this.saidSince(before)}` };
    });
  }
}

/** Answered with 200 inside the window (the AbortSignal saw to that) and told `words`. */
export function expectTold(seen: Seen, words: string): void {
  if (process.env.SHOW_SEEN) console.log(JSON.stringify(seen));
  expect(seen.status).toBe(200);
  expect(seen.told).toContain(words);
  expect(seen.told).not.toContain('did not go through');
}
