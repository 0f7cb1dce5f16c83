import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll } from 'vitest';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../../../src/adapters/slack/app.js';
import type { AckDeadlineFactory } from '../../../src/adapters/slack/listeners/support/ack-deadline.js';
import { type Container, createContainer, storageOf } from '../../../src/app/container.js';
import { type OpenedScheduling, openScheduling } from '../../../src/app/open-scheduling.js';
import type { FollowUpScheduler } from '../../../src/core/followups/follow-up-scheduler.port.js';
import { type Clock, type Logger, silentLogger } from '../../../src/core/shared/ports.js';
import type { AppConfig } from '../../../src/infra/config/env.js';
import { type EngineHandle, useDefaultStore } from '../../support/engines.js';
import type { RepositoryFaults } from '../../support/repository-faults.js';
import {
  FAKE_DEFAULTS,
  type FakeSlack,
  type SlackHttpResponse,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  startFakeSlack,
} from '../fake-slack/index.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** A clock the test moves by hand; the core and the fake Slack both read it. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-16T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface SlackTestApp {
  /** The app's store: the default engine (SQLite), a fresh file for this test file. */
  store: EngineHandle;
  fake: FakeSlack;
  container: Container;
  app: App;
  clock: TestClock;
  /** Base URL of the Slack endpoint (`…/slack/events`). */
  url: string;
  /** `/interaction <text>` as `user` (default alice) in `channel` (default #general). */
  command(
    text: string,
    options?: { user?: string; channel?: string; signal?: AbortSignal },
  ): Promise<SlackHttpResponse>;
  /** A block_actions / view_submission / shortcut / block_suggestion payload, signed. */
  interact(payload: object, options?: { signal?: AbortSignal }): Promise<SlackHttpResponse>;
  /** An Events API envelope, signed, optionally as a Slack retry. */
  event(envelope: object, retry?: { retryNum: number; retryReason: string }): Promise<SlackHttpResponse>;
  /**
   * Settles once every request the app has started is fully handled, after its ack too.
   * `command`, `interact` and `event` already wait for it; call it after sending a request
   * some other way (to `url` directly).
   */
  settled(): Promise<void>;
}

export interface SlackTestAppOptions {
  scheduler?: FollowUpScheduler;
  /**
   * Reminders are queued in the store's own jobs, through the production scheduling (as with
   * WORKER=off: queued, never run). Ignored when `scheduler` is given.
   */
  scheduling?: boolean;
  /**
   * Default false, as in production: Bolt answers at the ack and the listener goes on; the
   * request helpers then wait for the app's own "handled" signal, never a guessed time.
   */
  processBeforeResponse?: boolean;
  /**
   * When form submissions stop waiting for their write. Default: never, so a loaded machine
   * cannot turn a quick save into a "saving" view; tests of the deadline inject their own.
   */
  submissionDeadline?: AckDeadlineFactory;
  /** When a contact search stops waiting and answers with no options (default: never, as above). */
  suggestionDeadline?: AckDeadlineFactory;
  /** Failure tests: the real repositories, with chosen calls made to hang or fail. */
  faults?: RepositoryFaults;
  /** Outage tests: a store of their own (e.g. a FerretDB they stop); default a fresh SQLite file. */
  store?: EngineHandle;
  /** Where the app and its use cases log (default: nowhere). */
  logger?: Logger;
}

/** A deadline that never passes: the work always decides the answer. */
export const neverReached: AckDeadlineFactory = () => ({ reached: new Promise<void>(() => {}), cancel() {} });

/**
 * Feed `observe` to createSlackApp's `observeRequest`; `settled` then waits until every request
 * the app started is fully handled. For tests that build their own app (OAuth, shared server).
 */
export function requestsInFlight() {
  const handling = new Set<Promise<void>>();
  return {
    observe(handled: Promise<void>): void {
      handling.add(handled);
      void handled.then(() => handling.delete(handled));
    },
    async settled(): Promise<void> {
      while (handling.size > 0) await Promise.all([...handling]);
    },
  };
}

/**
 * The real Bolt app, over HTTP, with correctly signed requests, on a fresh store of the default
 * engine, talking to the fake Slack Web API. Call at describe level.
 */
export function useSlackApp(options: SlackTestAppOptions = {}): SlackTestApp {
  const store = options.store ?? useDefaultStore();
  const handle = { store } as SlackTestApp;
  let server: Server | undefined;
  let scheduling: OpenedScheduling | undefined;
  const requests = requestsInFlight();
  beforeAll(async () => {
    const clock = new TestClock();
    const fake = await startFakeSlack({ now: () => clock.now().getTime() });
    const faults = options.faults;
    const storage = faults
      ? { ...store.storage, repositories: faults.wrap(store.storage.repositories) }
      : store.storage;
    const logger = options.logger ?? silentLogger;
    scheduling =
      options.scheduling && !options.scheduler ? openScheduling(store.storage, { logger, clock }) : undefined;
    const scheduler = options.scheduler ?? scheduling?.scheduler;
    const container = createContainer(storage, {
      logger,
      clock,
      ...(scheduler ? { scheduler } : {}),
    });
    const config: AppConfig = {
      DATA_DIR: './data',
      PORT: 0,
      LOG_LEVEL: 'silent',
      WORKER: 'off',
      TEAMS_ALLOW_UNAUTHENTICATED: false,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
      SLACK_API_URL: fake.url,
    };
    const app = createSlackApp({
      config,
      mode: { kind: 'single-workspace', socketMode: false },
      installationStore: storageOf(container).slackInstallations,
      tenants: container.workspaces,
      clock,
      logger,
      deps: {
        container,
        parseDate: parseNaturalDate,
        submissionDeadline: options.submissionDeadline ?? neverReached,
        suggestionDeadline: options.suggestionDeadline ?? neverReached,
      },
      processBeforeResponse: options.processBeforeResponse ?? false,
      observeRequest: requests.observe,
      webClientRetries: 0,
    });
    server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/slack/events`;
    /** The HTTP answer (the ack), returned once the app has finished everything after it too. */
    const handled = async (sending: Promise<SlackHttpResponse>) => {
      const response = await sending;
      await requests.settled();
      return response;
    };
    Object.assign(handle, {
      fake,
      container,
      app,
      clock,
      url,
      settled: requests.settled,
      command: (text: string, where: { user?: string; channel?: string; signal?: AbortSignal } = {}) =>
        handled(
          sendSlashCommand(
            url,
            SIGNING_SECRET,
            {
              command: '/interaction',
              text,
              user_id: where.user ?? FAKE_DEFAULTS.users.alice,
              channel_id: where.channel ?? FAKE_DEFAULTS.channels.general,
            },
            { fake, ...(where.signal ? { signal: where.signal } : {}) },
          ),
        ),
      interact: (payload: object, sending: { signal?: AbortSignal } = {}) =>
        handled(sendInteraction(url, SIGNING_SECRET, payload, sending)),
      event: (envelope: object, retry?: { retryNum: number; retryReason: string }) =>
        handled(sendEvent(url, SIGNING_SECRET, envelope, retry ?? {})),
    });
  });
  afterAll(async () => {
    // Nothing may still be writing when the store closes.
    await requests.settled();
    await handle.app?.stop();
    await handle.fake?.close();
    await scheduling?.close();
    server = undefined;
  });
  return handle;
}
