import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { Container } from '../src/app/container.js';
import { progress, round } from './support.js';
import type { BurstResult } from './teams-load-worker.js';
import {
  activityFrom,
  type BareTeamsApp,
  type BenchUser,
  benchUsers,
  CARD_TYPE,
  summary,
  TENANT,
  type TeamsLoad,
} from './teams-support.js';

const CONCURRENCY = 200;
const CONTACTS = 20;
const REPLY_WAIT_MS = 60_000;

/** The tenant as a workspace, an owner, and contacts with one interaction each (as the Slack bench seeds). */
export async function seedTeamsWorkspace(container: Container) {
  const workspace = await container.workspaces.resolveWorkspace({
    platform: 'teams',
    externalId: TENANT,
    name: 'bench',
  });
  const owner = await container.workspaces.resolveActor({
    workspace,
    userId: '00000000-0000-4000-8000-0000000000ff',
    displayName: 'Bench Owner',
  });
  const contacts: { id: string; name: string }[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    const contact = await container.contacts.createContact(owner, {
      firstName: `Bench${i}`,
      lastName: `Person${i}`,
    });
    contacts.push({ id: contact.id, name: `Bench${i} Person${i}` });
    await container.interactions.logInteraction(owner, {
      idempotencyKey: `teams-bench-${i}`,
      contactIds: [contact.id],
      type: 'Call',
      description: `Bench call ${i}`,
    });
  }
  return { workspace, owner, contacts };
}

const ratios = (ours: { p50Ms: number; p99Ms: number }, bare: { p50Ms: number; p99Ms: number }) => ({
  ratioP50: round(ours.p50Ms / bare.p50Ms),
  ratioP99: round(ours.p99Ms / bare.p99Ms),
});

export interface TeamsTargets {
  load: TeamsLoad;
  seeded: Awaited<ReturnType<typeof seedTeamsWorkspace>>;
  /** /api/messages of our plugin and of the bare SDK app. */
  oursUrl: string;
  bareUrl: string;
  bare: BareTeamsApp;
}

/**
 * Bursts of 200 concurrent activities, one per person in their own personal chat, against the
 * real Teams plugin and against a bare Teams SDK app on the same fake connector:
 * - `timeline <contact>` messages, timed from the POST until the connector has answered the
 *   bot's reply (the HTTP response of a message activity may come before the reply is sent);
 * - `adaptiveCard/action` invokes with verb timeline.page, timed to the HTTP response, which
 *   carries the refreshed card.
 * Each app gets one discarded warm-up burst (for ours: the cold one, reported apart).
 */
export async function teamsCommandsBench({ load, seeded, oursUrl, bareUrl, bare }: TeamsTargets) {
  const users = benchUsers(1, CONCURRENCY, 'cmd');
  await load.register(users);
  const contactOf = (index: number) =>
    seeded.contacts[index % seeded.contacts.length] ?? { id: '', name: '' };
  const messages = () =>
    users.map((user: BenchUser, index) =>
      activityFrom(user, load.serviceUrl, { type: 'message', text: `timeline ${contactOf(index).name}` }),
    );
  const invokes = () =>
    users.map((user: BenchUser, index) => {
      const data = {
        verb: 'timeline.page',
        ctx: { v: 'timeline', ref: { k: 'contact', s: contactOf(index).id } },
      };
      return activityFrom(user, load.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'timeline.page', data }, trigger: 'manual' },
      });
    });
  const messageRun = async (label: string, url: string): Promise<BurstResult> => {
    progress(`teams: ${CONCURRENCY} concurrent timeline messages → ${label}`);
    return load.burst(url, messages(), REPLY_WAIT_MS);
  };

  await messageRun('bare SDK app (warm-up)', bareUrl);
  const bareRun = await messageRun('bare SDK app', bareUrl);
  const coldRun = await messageRun('our plugin (cold caches)', oursUrl);
  const warmRun = await messageRun('our plugin (warm)', oursUrl);

  progress(`teams: ${CONCURRENCY} concurrent adaptiveCard/action timeline.page → our plugin (warm-up)`);
  const invokeWarmUp = await load.burst(oursUrl, invokes());
  // The bare app answers with the very card ours rendered, so both send the same bytes back.
  const rendered = invokeWarmUp.sampleInvokeBody as AdaptiveCardActionResponse | undefined;
  if (rendered?.type === CARD_TYPE) bare.cardResponse = rendered;
  progress(`teams: ${CONCURRENCY} concurrent adaptiveCard/action → bare SDK app (warm-up, then measured)`);
  await load.burst(bareUrl, invokes());
  const bareInvoke = await load.burst(bareUrl, invokes());
  progress(`teams: ${CONCURRENCY} concurrent adaptiveCard/action timeline.page → our plugin`);
  const oursInvoke = await load.burst(oursUrl, invokes());

  const bareReply = summary(bareRun.replyMs);
  const warmReply = summary(warmRun.replyMs);
  const bareInvokeStats = summary(bareInvoke.responseMs);
  const oursInvokeStats = summary(oursInvoke.responseMs);
  const replyRatios = ratios(warmReply, bareReply);
  return {
    concurrency: CONCURRENCY,
    commandToReply: {
      ours: warmReply,
      oursColdCache: summary(coldRun.replyMs),
      bareSdk: bareReply,
      ...replyRatios,
      expectedPerRun: CONCURRENCY,
    },
    commandHttpResponse: {
      ours: summary(warmRun.responseMs),
      oursColdCache: summary(coldRun.responseMs),
      bareSdk: summary(bareRun.responseMs),
    },
    invokeTimelinePage: {
      ours: oursInvokeStats,
      bareSdk: bareInvokeStats,
      ...ratios(oursInvokeStats, bareInvokeStats),
      bareAnsweredWithOurCard: bare.cardResponse === rendered,
    },
    failedRequests:
      bareRun.failures + coldRun.failures + warmRun.failures + bareInvoke.failures + oursInvoke.failures,
    missingReplies:
      3 * CONCURRENCY - bareRun.replyMs.length - coldRun.replyMs.length - warmRun.replyMs.length,
    target: { ratioMax: 2 },
    withinTarget: { commandP50: replyRatios.ratioP50 <= 2, commandP99: replyRatios.ratioP99 <= 2 },
  };
}
