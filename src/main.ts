import { createServer, type Server } from 'node:http';
import express from 'express';
import { createContainer } from './app/container.js';
import { openScheduling } from './app/open-scheduling.js';
import { openStorage } from './app/open-storage.js';
import type { PlatformSenders } from './app/platform-delivery.js';
import { slackSenders, startChatScheduling } from './app/start-scheduling.js';
import { type RunningSlack, startSlack } from './app/start-slack.js';
import { startTeams } from './app/start-teams.js';
import type { Platform } from './core/workspaces/workspace.js';
import { healthHandler } from './http/health.js';
import { ConfigError, loadStartupConfig, slackMode, teamsMode } from './infra/config/env.js';
import { createLogger } from './infra/logger.js';
import { EmbeddedDatabaseUnavailable } from './infra/mongo/embedded-ferretdb.js';
import { SqliteStoreError } from './infra/sqlite/database.js';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
}

/**
 * One process, one port: /healthz, Slack at /slack/events (unless Socket Mode) and Teams at
 * /api/messages, each only when configured; the job worker delivers through whichever
 * platform a workspace belongs to.
 */
async function main(): Promise<void> {
  const config = loadStartupConfig();
  // Half-configured platforms stop start-up before anything runs.
  const slack = slackMode(config);
  const teams = teamsMode(config);
  const logger = createLogger(config.LOG_LEVEL);
  const storage = await openStorage(config, logger, (reason) => {
    // One line, non-zero: a supervisor (systemd, Docker, Kubernetes) starts the app again, and
    // start-up says in one line if the store still cannot be opened. The half second lets the
    // requests that met the failure send their "unreachable" answers first.
    console.error(`${reason} Exiting so the app can be started again.`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 500);
  });
  logger.info('Database ready', { database: storage.description });
  // The scheduler exists in every mode: the bot queues reminders even where no jobs run.
  // Jobs live in the store: agenda on MongoDB, the jobs table on SQLite.
  const scheduling = openScheduling(storage, { logger });
  const container = createContainer(storage, { logger, scheduler: scheduling.scheduler });

  const expressApp = express();
  expressApp.disable('x-powered-by');
  expressApp.get(
    '/healthz',
    healthHandler(() => storage.ping()),
  );
  const serving = config.WORKER !== 'only';
  const senders: Partial<Record<Platform, PlatformSenders>> = {};
  let runningSlack: RunningSlack | undefined;
  if (slack.kind !== 'off') {
    senders.slack = slackSenders(config, slack, container);
    if (serving) runningSlack = await startSlack(config, slack, container, expressApp, logger);
  }
  if (teams.kind === 'on') {
    // A jobs-only worker mounts nothing for users, but still needs the SDK to send proactively.
    const running = await startTeams({
      mode: teams,
      expressApp: serving ? expressApp : express(),
      container,
      publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    });
    senders.teams = running.senders;
    if (serving) logger.info('Teams bot running', { endpoint: `:${config.PORT}/api/messages` });
  }
  const worker = await startChatScheduling(config, container, scheduling, senders, logger);

  const server = createServer(expressApp);
  await listen(server, config.PORT);
  logger.info('Listening', { port: config.PORT, health: '/healthz' });
  if (slack.kind === 'off' && teams.kind === 'off') {
    logger.warn(
      `No chat platform is configured: set ${slack.missing.join(' and ')}, or TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET (see .env.example and README).`,
    );
  } else if (!serving) {
    logger.info('WORKER=only: running jobs without serving chat requests');
  }

  const shutdown = async (signal: string) => {
    logger.info('Shutting down', { signal });
    server.close();
    await runningSlack?.stop();
    // Running jobs finish (or are released) before the connections they write through close.
    await worker?.stop();
    await scheduling.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof EmbeddedDatabaseUnavailable ||
    error instanceof SqliteStoreError
  ) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
