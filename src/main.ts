import { createContainer } from './app/container.js';
import { startSlackScheduling } from './app/start-scheduling.js';
import { startSlack } from './app/start-slack.js';
import { prepareScheduling } from './app/worker.js';
import { startHealthServer } from './http/health.js';
import { ConfigError, loadConfig, slackMode } from './infra/config/env.js';
import { createLogger } from './infra/logger.js';
import { openDatabase } from './infra/mongo/database.js';
import { EmbeddedDatabaseUnavailable } from './infra/mongo/embedded-ferretdb.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const mode = slackMode(config); // a half-configured Slack stops start-up before anything runs
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, logger });
  logger.info('Database ready', { database: database.description });
  // The scheduler exists in every mode: the bot queues reminders even where no jobs run.
  const scheduling = prepareScheduling(database, { logger });
  const container = createContainer(database, { logger, scheduler: scheduling.scheduler });
  const worker = await startSlackScheduling(config, mode, container, scheduling, logger);

  let stopServing: () => Promise<void>;
  if (mode.kind === 'off' || config.WORKER === 'only') {
    const server = await startHealthServer(config.PORT, () => container.database.ping());
    stopServing = async () => void server.close();
    logger.info('Listening', { port: config.PORT, health: '/healthz' });
    if (mode.kind === 'off') {
      logger.warn(
        `No chat platform is configured: set ${mode.missing.join(' and ')} (see .env.example and README).`,
      );
    } else {
      logger.info('WORKER=only: running jobs without serving Slack requests');
    }
  } else {
    const slack = await startSlack(config, mode, container, logger);
    stopServing = slack.stop;
  }

  const shutdown = async (signal: string) => {
    logger.info('Shutting down', { signal });
    await stopServing();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseUnavailable) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
