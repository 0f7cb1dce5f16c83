import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import { parseNaturalDate } from '../adapters/shared/natural-dates.js';
import { createSlackApp } from '../adapters/slack/app.js';
import type { Logger } from '../core/shared/ports.js';
import { healthHandler, startHealthServer } from '../http/health.js';
import type { AppConfig, SlackMode } from '../infra/config/env.js';
import { MongoInstallationStore } from '../infra/slack/installation-store.js';
import type { Container } from './container.js';

export interface RunningSlack {
  app: App;
  stop(): Promise<void>;
}

/**
 * Starts the Bolt app: in HTTP mode its receiver serves /slack/events (and the OAuth routes)
 * plus /healthz on PORT; in Socket Mode Slack is reached over the websocket and a small
 * server keeps /healthz on PORT.
 */
export async function startSlack(
  config: AppConfig,
  mode: Exclude<SlackMode, { kind: 'off' }>,
  container: Container,
  logger: Logger,
): Promise<RunningSlack> {
  const ping = () => container.database.ping();
  const app = createSlackApp({
    config,
    mode,
    installationStore: new MongoInstallationStore(container.database.connection),
    tenants: container.workspaces,
    clock: container.clock,
    logger,
    deps: { container, parseDate: parseNaturalDate },
    ...(mode.socketMode
      ? {}
      : { customRoutes: [{ path: '/healthz', method: 'GET', handler: healthHandler(ping) }] }),
  });
  let healthServer: Server | undefined;
  if (mode.socketMode) {
    await app.start();
    healthServer = await startHealthServer(config.PORT, ping);
  } else {
    await app.start(config.PORT);
  }
  logger.info('Slack bot running', {
    mode: mode.kind,
    transport: mode.socketMode ? 'socket mode' : `HTTP on :${config.PORT}/slack/events`,
  });
  return {
    app,
    async stop() {
      await app.stop();
      healthServer?.close();
    },
  };
}
