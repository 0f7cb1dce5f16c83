import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Attachment, TaskModuleResponse } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import express, { type Express } from 'express';
import { toSdkLogger } from '../src/adapters/teams/sdk-logger.js';
import { silentLogger } from '../src/core/shared/ports.js';
import { fakeBotToken } from '../test/teams/fake-connector/index.js';
import { percentile, round } from './support.js';
import type { BurstResult, MarkersResult, TeamsLoadRequest } from './teams-load-worker.js';

export const BOT_APP_ID = '11111111-2222-4333-8444-555555555555';
export const BOT_ID = `28:${BOT_APP_ID}`;
export const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export const summary = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50)),
  p99Ms: round(percentile(samples, 99)),
  samples: samples.length,
});

/** A person of the bench: Entra object id, Teams id, and their personal chat with the bot. */
export interface BenchUser {
  aad: string;
  id: string;
  name: string;
  conversation: string;
}

/** `count` distinct people; `group` keeps the sets of different sections apart (0–9). */
export function benchUsers(group: number, count: number, prefix: string): BenchUser[] {
  return Array.from({ length: count }, (_, index) => ({
    aad: `00000000-0000-4000-800${group}-${String(index).padStart(12, '0')}`,
    id: `29:${prefix}-${index}`,
    name: `Bench ${prefix} ${index}`,
    conversation: `a:${prefix}-${index}`,
  }));
}

let sequence = 0;

/** An activity as Teams posts it to /api/messages (see test/teams/support/teams-app.ts). */
export function activityFrom(user: BenchUser, serviceUrl: string, fields: Record<string, unknown>) {
  return {
    id: `bench-act-${++sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aad },
    recipient: { id: BOT_ID, name: 'Interaction log' },
    conversation: { id: user.conversation, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

/** Talks to the load-generator thread, which also hosts the fake Bot Connector. */
export class TeamsLoad {
  private constructor(
    private readonly worker: Worker,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<TeamsLoad> {
    const worker = new Worker(new URL('./teams-load-worker.js', import.meta.url));
    const serviceUrl = await new Promise<string>((resolve, reject) => {
      worker.once('message', (message: { serviceUrl: string }) => resolve(message.serviceUrl));
      worker.once('error', reject);
    });
    return new TeamsLoad(worker, serviceUrl);
  }

  private ask<T>(request: TeamsLoadRequest): Promise<T> {
    const done = new Promise<T>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(request);
    return done;
  }

  register(users: BenchUser[]): Promise<unknown> {
    const conversations = users.map((user) => ({ id: user.conversation, aad: user.aad }));
    return this.ask({ type: 'register', tenantId: TENANT, conversations });
  }

  burst(url: string, activities: Record<string, unknown>[], waitForRepliesMs = 0): Promise<BurstResult> {
    return this.ask({ type: 'burst', url, activities, waitForRepliesMs });
  }

  markers(conversations: string[], pattern: string): Promise<MarkersResult> {
    return this.ask<MarkersResult>({ type: 'markers', conversations, pattern });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ type: 'stop' } satisfies TeamsLoadRequest);
    await exited;
  }
}

/** An Express app on 127.0.0.1, its /api/messages URL, and a close. */
export async function listen(): Promise<{ expressApp: Express; base: string; close(): Promise<void> }> {
  const expressApp = express();
  const server: Server = createServer(expressApp);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    expressApp,
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BareTeamsApp {
  app: App;
  /** What its dialog.open handler answers with (by default an empty dialog). */
  dialogResponse: TaskModuleResponse;
  /** The cards it replies to a message with (by default none: the text `ok`). */
  replyAttachments?: Attachment[];
}

/**
 * The baseline: a bare Teams SDK app, configured as ours is, with no logic of its own: it
 * answers every message and every dialog fetch with a fixed reply (the bench hands it ours).
 */
export async function bareTeamsApp(expressApp: Express, serviceUrl: string): Promise<BareTeamsApp> {
  const app = new App({
    clientId: BOT_APP_ID,
    token: () => fakeBotToken(BOT_APP_ID),
    serviceUrl,
    httpServerAdapter: new ExpressAdapter(expressApp, { logger: toSdkLogger(silentLogger, 'teams-http') }),
    logger: toSdkLogger(silentLogger),
    dangerouslyAllowUnauthenticatedRequests: true,
    messagingEndpoint: '/api/messages',
  });
  const bare: BareTeamsApp = {
    app,
    dialogResponse: {
      task: {
        type: 'continue',
        value: {
          title: 'ok',
          card: { contentType: CARD_TYPE, content: { type: 'AdaptiveCard', version: '1.5', body: [] } },
        },
      },
    },
  };
  app.on('message', async (ctx) => {
    await ctx.send(bare.replyAttachments ? { type: 'message', attachments: bare.replyAttachments } : 'ok');
  });
  app.on('dialog.open', async () => bare.dialogResponse);
  await app.initialize();
  return bare;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/**
 * Every expected reminder found exactly once at the connector? Each message is identified by the
 * interaction id its card carries; a missing id is a loss, a repeated one a duplicate.
 */
export async function tally(load: TeamsLoad, conversations: string[], expectedIds: string[]) {
  const seen = new Map<string, number>();
  const found = await load.markers(conversations, REMINDER_ID_PATTERN);
  for (const messages of found.markers) {
    for (const id of messages) if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const counts = expectedIds.map((id) => seen.get(id) ?? 0);
  return {
    delivered: counts.filter((count) => count >= 1).length,
    losses: counts.filter((count) => count === 0).length,
    duplicates: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    /** Wall-clock ms of the first accepted message, and first to last: the span at the connector. */
    firstAt: found.firstAt,
    spanSeconds:
      found.firstAt !== undefined && found.lastAt !== undefined ? (found.lastAt - found.firstAt) / 1000 : 0,
  };
}

/** Bench reminder interaction ids: `tb-<round>-<index>`. */
export const REMINDER_ID_PATTERN = 'tb-[A-Za-z0-9]+-[0-9]+';
