import { type Container, storageOf } from '../../../src/app/container.js';
import {
  createReminderDelivery,
  type ReminderNotifier,
  type ReminderOutcome,
} from '../../../src/core/followups/reminder-delivery.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import type { ResolveActorInput } from '../../../src/core/workspaces/resolve-actor.js';
import type { Given, Person } from '../scenario.js';

export interface SeedOptions {
  platform: 'slack' | 'teams';
  /** The workspace's id on the platform (Slack team, Teams tenant). */
  workspace: string;
  otherWorkspace: string;
  people: Record<Person, Omit<ResolveActorInput, 'workspace'>>;
  now: () => Date;
  /** Moves the app's clock on: follow-ups can only be set in the future, then become due. */
  advance: (ms: number) => void;
}

export interface CoreSeed {
  actors: Record<Person, Actor>;
  contactId(name: string): string;
  /** The first given interaction: what a tampered button swaps for the other workspace's. */
  ownInteraction: { id: string; contactId: string };
  foreign: { interactionId: string; contactId: string };
}

const HOUR = 3_600_000;

function nameParts(name: string) {
  const [firstName = name, ...rest] = name.split(' ');
  return { firstName, ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}) };
}

/**
 * What a table's `given` names, written through the same use cases the adapters call: the
 * workspace as its first request would create it, alice (owner), bob (member), vera (viewer),
 * the contacts and the interactions. Never the repositories: the core's rules apply.
 */
export async function seedGiven(container: Container, given: Given, options: SeedOptions): Promise<CoreSeed> {
  const { workspaces, contacts, interactions } = container;
  const workspace = await workspaces.resolveWorkspace({
    platform: options.platform,
    externalId: options.workspace,
  });
  const resolve = (person: Person) => workspaces.resolveActor({ workspace, ...options.people[person] });
  const alice = await resolve('alice');
  const bob = await resolve('bob');
  const vera = await resolve('vera');
  await workspaces.setRole(alice, { userId: vera.userId, role: 'viewer' });
  const actors: Record<Person, Actor> = { alice, bob, vera: { ...vera, role: 'viewer' } };

  const ids = new Map<string, string>();
  for (const name of given.contacts) ids.set(name, (await contacts.createContact(alice, nameParts(name))).id);
  const contactId = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`"${name}" is not among the table's contacts`);
    return id;
  };

  let own = { id: '', contactId: '' };
  const list = given.interactions ?? [];
  // Follow-ups are set a little ahead of the earliest asked for, then the clock catches up.
  const ahead = Math.max(0, ...list.map((item) => -(item.followUpInMinutes ?? 0))) + 1;
  for (const [index, item] of list.entries()) {
    const now = options.now().getTime();
    const result = await interactions.logInteraction(actors[item.by ?? 'alice'], {
      idempotencyKey: `given-${index}`,
      contactIds: [contactId(item.contact)],
      type: item.type,
      description: item.description,
      occurredAt: new Date(now - (item.hoursAgo ?? list.length - index) * HOUR),
      ...(item.followUpInMinutes !== undefined
        ? { followUp: { dueAt: new Date(now + (item.followUpInMinutes + ahead) * 60_000) } }
        : {}),
    });
    const [first] = result.interactions;
    if (index === 0 && first) own = { id: first.id, contactId: first.contactId };
  }

  let foreign = { interactionId: 'none', contactId: 'none' };
  if (given.otherWorkspace) {
    const other = await workspaces.resolveWorkspace({
      platform: options.platform,
      externalId: options.otherWorkspace,
    });
    const owner = await workspaces.resolveActor({
      workspace: other,
      userId: 'stranger',
      displayName: 'stranger',
      installer: true,
    });
    const contact = await contacts.createContact(owner, nameParts(given.otherWorkspace.contact));
    const logged = await interactions.logInteraction(owner, {
      idempotencyKey: 'foreign-0',
      contactIds: [contact.id],
      type: 'Call',
      description: given.otherWorkspace.description,
      occurredAt: new Date(options.now().getTime() - HOUR),
      followUp: { dueAt: new Date(options.now().getTime() + 30_000) },
    });
    foreign = { interactionId: logged.interactions[0]?.id ?? 'none', contactId: contact.id };
  }
  options.advance(ahead * 60_000);
  return { actors, contactId, ownInteraction: own, foreign };
}

/**
 * What the scheduler does at a follow-up's time: the production reminder delivery (exactly-once
 * record, stale check, the assignee's zone) sends through the platform's own notifier.
 */
export async function deliverReminder(
  container: Container,
  notifier: ReminderNotifier,
  assignee: Actor,
  contactName: string,
): Promise<ReminderOutcome> {
  const open = await container.followUps.listMyFollowUps(assignee, { scope: 'open', limit: 50 });
  const due = open.find((interaction) => interaction.contactName === contactName);
  if (!due?.followUp) throw new Error(`${assignee.userId} has no open follow-up about ${contactName}`);
  const storage = storageOf(container);
  const delivery = createReminderDelivery({
    interactions: storage.interactionLookup,
    workspaces: storage.repositories.workspaces,
    members: storage.repositories.members,
    deliveries: storage.deliveries,
    notifier,
    clock: container.clock,
    logger: container.logger,
  });
  return delivery.deliver({
    workspaceId: due.workspaceId,
    interactionId: due.id,
    fireAt: due.followUp.dueAt,
  });
}
