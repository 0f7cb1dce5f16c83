import { cachedClients } from '../adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../adapters/slack/notifiers/slack-report-publisher.js';
import type { Logger } from '../core/shared/ports.js';
import type { AppConfig, SlackMode } from '../infra/config/env.js';
import { MongoInstallationStore } from '../infra/slack/installation-store.js';
import type { Container } from './container.js';
import { slackTokenResolver } from './slack-tokens.js';
import { type prepareScheduling, type Scheduling, startScheduling, workerMode } from './worker.js';

/**
 * Starts the job worker for WORKER=on|only, delivering through Slack. Without Slack there is
 * nobody to deliver to, so the worker stays off (reminders stay queued in the database and
 * are sent, marked late, once Slack is configured).
 */
export async function startSlackScheduling(
  config: AppConfig,
  slack: SlackMode,
  container: Container,
  prepared: ReturnType<typeof prepareScheduling>,
  logger: Logger,
): Promise<Scheduling | undefined> {
  const mode = workerMode(config.WORKER);
  if (mode === 'off') return undefined;
  if (slack.kind === 'off') {
    logger.warn('Job worker not started: no chat platform is configured to deliver reminders and reports to');
    return undefined;
  }
  const installations = new MongoInstallationStore(container.database.connection);
  const clientFor = cachedClients(
    slackTokenResolver(config, slack, container.repositories.workspaces, installations),
    config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
  );
  return startScheduling(container, {
    mode,
    agenda: prepared.agenda,
    scheduler: prepared.scheduler,
    notifier: createSlackReminderNotifier({ clientFor, logger }),
    publisher: createSlackReportPublisher({ clientFor, logger }),
  });
}
