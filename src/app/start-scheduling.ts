import { cachedClients } from '../adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../adapters/slack/notifiers/slack-report-publisher.js';
import type { Logger } from '../core/shared/ports.js';
import type { Platform } from '../core/workspaces/workspace.js';
import type { AppConfig, SlackMode } from '../infra/config/env.js';
import { type Container, storageOf } from './container.js';
import { type PlatformSenders, routeByPlatform } from './platform-delivery.js';
import { slackTokenResolver } from './slack-tokens.js';
import { type PreparedScheduling, type Scheduling, startScheduling, workerMode } from './worker.js';

/** Reminder DMs and report posts through Slack's Web API, with the workspace's bot token. */
export function slackSenders(
  config: AppConfig,
  slack: Exclude<SlackMode, { kind: 'off' }>,
  container: Container,
): PlatformSenders {
  const clientFor = cachedClients(
    slackTokenResolver(
      config,
      slack,
      storageOf(container).repositories.workspaces,
      storageOf(container).slackInstallations,
    ),
    config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
  );
  const logger = container.logger;
  return {
    notifier: createSlackReminderNotifier({ clientFor, logger }),
    publisher: createSlackReportPublisher({ clientFor, logger }),
  };
}

/**
 * Starts the job worker for WORKER=on|only, delivering each reminder and report through the
 * platform of its workspace. Without any chat platform there is nobody to deliver to, so the
 * worker stays off (reminders stay queued and are sent, marked late, once one is configured).
 */
export async function startChatScheduling(
  config: AppConfig,
  container: Container,
  prepared: PreparedScheduling,
  senders: Partial<Record<Platform, PlatformSenders>>,
  logger: Logger,
): Promise<Scheduling | undefined> {
  const mode = workerMode(config.WORKER);
  if (mode === 'off') return undefined;
  if (Object.keys(senders).length === 0) {
    logger.warn('Job worker not started: no chat platform is configured to deliver reminders and reports to');
    return undefined;
  }
  const routed = routeByPlatform(storageOf(container).repositories.workspaces, senders);
  return startScheduling(container, {
    mode,
    runner: prepared.runner,
    scheduler: prepared.scheduler,
    notifier: routed.notifier,
    publisher: routed.publisher,
  });
}
