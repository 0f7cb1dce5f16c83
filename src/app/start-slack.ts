import type { App } from '@slack/bolt';
import type { Express } from 'express';
import { parseNaturalDate } from '../adapters/shared/natural-dates.js';
import { createSlackApp } from '../adapters/slack/app.js';
import type { Logger } from '../core/shared/ports.js';
import type { AppConfig, SlackMode } from '../infra/config/env.js';
import { type Container, storageOf } from './container.js';

export interface RunningSlack {
  app: App;
  stop(): Promise<void>;
}

/**
 * Starts the Bolt app: in HTTP mode it is mounted on the shared Express server at
 * /slack/events (and the OAuth routes); in Socket Mode Slack is reached over the websocket
 * and the shared server still serves /healthz (and Teams) on PORT.
 */
export async function startSlack(
  config: AppConfig,
  mode: Exclude<SlackMode, { kind: 'off' }>,
  container: Container,
  expressApp: Express,
  logger: Logger,
): Promise<RunningSlack> {
  const app = createSlackApp({
    config,
    mode,
    installationStore: storageOf(container).slackInstallations,
    tenants: container.workspaces,
    clock: container.clock,
    logger,
    deps: { container, parseDate: parseNaturalDate },
    expressApp,
  });
  if (mode.socketMode) await app.start();
  logger.info('Slack bot running', {
    mode: mode.kind,
    transport: mode.socketMode ? 'socket mode' : `HTTP on :${config.PORT}/slack/events`,
  });
  return {
    app,
    async stop() {
      if (mode.socketMode) await app.stop();
    },
  };
}
