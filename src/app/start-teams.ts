import type { Express } from 'express';
import { parseNaturalDate } from '../adapters/shared/natural-dates.js';
import { createTeamsApp, type TeamsRuntime } from '../adapters/teams/app.js';
import { createTeamsReminderNotifier } from '../adapters/teams/notifiers/teams-reminder-notifier.js';
import { createTeamsReportPublisher } from '../adapters/teams/notifiers/teams-report-publisher.js';
import { pacedSender, sdkSender } from '../adapters/teams/notifiers/teams-sender.js';
import type { TeamsMode } from '../infra/config/env.js';
import { type Container, storageOf } from './container.js';
import type { PlatformSenders } from './platform-delivery.js';

export interface StartTeamsOptions {
  mode: Extract<TeamsMode, { kind: 'on' }>;
  expressApp: Express;
  container: Container;
  publicUrl: string;
  /** Tests and the bench hand the SDK a bot token instead of an Entra client secret. */
  token?: () => string | Promise<string>;
}

export interface RunningTeams {
  runtime: TeamsRuntime;
  /** What the scheduler sends Teams reminders and reports through. */
  senders: PlatformSenders;
}

/** Mounts the Teams plugin on the shared server and builds its proactive senders. */
export async function startTeams(options: StartTeamsOptions): Promise<RunningTeams> {
  const { container } = options;
  // The proactive senders run outside any request: they get the store's ports, not use cases.
  const storage = storageOf(container);
  const conversations = storage.conversationRefs;
  const runtime = await createTeamsApp({
    mode: options.mode,
    expressApp: options.expressApp,
    container,
    parseDate: parseNaturalDate,
    publicUrl: options.publicUrl,
    ...(options.token ? { token: options.token } : {}),
  });
  const sender = pacedSender(sdkSender(runtime.app));
  const common = { sender, conversations, defaultServiceUrl: runtime.serviceUrl, logger: container.logger };
  return {
    runtime,
    senders: {
      notifier: createTeamsReminderNotifier({ ...common, workspaces: storage.repositories.workspaces }),
      publisher: createTeamsReportPublisher({ ...common, files: runtime.deps.files, clock: container.clock }),
    },
  };
}
