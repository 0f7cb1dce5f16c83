import { createContainer } from './app/container.js';
import { startHealthServer } from './http/health.js';
import { ConfigError, loadConfig } from './infra/config/env.js';
import { createLogger } from './infra/logger.js';
import { openDatabase } from './infra/mongo/database.js';
import { EmbeddedDatabaseUnavailable } from './infra/mongo/embedded-ferretdb.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, logger });
  logger.info('Database ready', { database: database.description });
  // The chat adapters will take their use cases from here.
  const container = createContainer(database, { logger });
  const server = await startHealthServer(config.PORT, () => container.database.ping());
  logger.info('Listening', { port: config.PORT, health: `/healthz` });
  logger.warn('No chat platform is configured yet: set the Slack or Teams variables (see .env.example).');

  const shutdown = async (signal: string) => {
    logger.info('Shutting down', { signal });
    server.close();
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
