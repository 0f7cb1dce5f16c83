import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Express } from 'express';
import type { NaturalDateParser } from '../../core/commands/command-grammar.js';
import { runWriteScope } from '../../core/shared/write-outcome.js';
import type { UseCases } from '../../core/use-cases.js';
import { registerCardActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import type { TeamsDeps } from './deps.js';
import { registerDialogs } from './dialogs/index.js';
import { answerEscapedFailures } from './escaped-failures.js';
import { registerEvents } from './events/index.js';
import { downloadHandler } from './files/download-route.js';
import { createFileLinks, FILE_ROUTE } from './files/file-links.js';
import { registerMessageExtensions } from './message-extensions/index.js';
import { guardInboundPayloads, refuseBodiesThatAreNoActivity } from './payloads/guard.js';
import { rosterLookup } from './platform-facts.js';
import { toSdkLogger } from './sdk-logger.js';
import { registerSearch } from './search/index.js';
import { teamsTenancy } from './tenant.js';

/** The Bot Connector Teams uses when no activity told us a regional one (public cloud). */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const TEAMS_MESSAGING_ENDPOINT = '/api/messages';

/** The Teams settings the composition root parsed (the Entra app, and the Playground switch). */
export interface TeamsServeMode {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  tenantId?: string | undefined;
  serviceUrl?: string | undefined;
  allowUnauthenticated: boolean;
}

export interface TeamsAppOptions {
  mode: TeamsServeMode;
  /** The process's one Express server: /api/messages and the CSV links are mounted on it. */
  expressApp: Express;
  container: UseCases;
  parseDate: NaturalDateParser;
  /** Where this app is reachable from users' browsers, for CSV links. */
  publicUrl: string;
  /**
   * Tests supply the bot token themselves (a JWT-shaped string the fake connector accepts);
   * production leaves it out and the SDK gets one from Entra with the client secret.
   */
  token?: () => string | Promise<string>;
}

export interface TeamsRuntime {
  app: App;
  deps: TeamsDeps;
  serviceUrl: string;
}

/**
 * Builds the Teams plugin: Teams SDK v2 on the shared Express server (`POST /api/messages`),
 * inbound JWT validation on unless the explicit test mode asked otherwise, outbound calls to
 * TEAMS_SERVICE_URL when set, and the listeners grouped by surface like the Slack adapter.
 */
export async function createTeamsApp(options: TeamsAppOptions): Promise<TeamsRuntime> {
  const { mode, container } = options;
  const serviceUrl = mode.serviceUrl ?? DEFAULT_TEAMS_SERVICE_URL;
  const credentials = options.token
    ? { ...(mode.clientId ? { clientId: mode.clientId } : {}), token: options.token }
    : {
        ...(mode.clientId ? { clientId: mode.clientId } : {}),
        ...(mode.clientSecret ? { clientSecret: mode.clientSecret } : {}),
        ...(mode.tenantId ? { tenantId: mode.tenantId } : {}),
      };
  if (mode.allowUnauthenticated) {
    // Said on every start, so a log reader sees at once that anyone can post to /api/messages.
    container.logger.warn(
      'Teams is running WITHOUT request authentication (TEAMS_ALLOW_UNAUTHENTICATED=true): anyone who can reach /api/messages can act as any user. For the local Agents Playground only.',
      { endpoint: TEAMS_MESSAGING_ENDPOINT },
    );
  }
  refuseBodiesThatAreNoActivity(options.expressApp, TEAMS_MESSAGING_ENDPOINT);
  const app = new App({
    ...credentials,
    httpServerAdapter: new ExpressAdapter(options.expressApp, {
      logger: toSdkLogger(container.logger, 'teams-http'),
    }),
    messagingEndpoint: TEAMS_MESSAGING_ENDPOINT,
    serviceUrl,
    logger: toSdkLogger(container.logger),
    activity: { mentions: { stripText: true } },
    ...(mode.allowUnauthenticated ? { dangerouslyAllowUnauthenticatedRequests: true } : {}),
  });

  // First of all: nothing reads a payload its surface's schema has not read.
  guardInboundPayloads(app, container.logger);
  // Outermost middleware: a failure that escapes a listener (a reply Teams refused) is no 5xx.
  answerEscapedFailures(app, container.logger);
  const tenancy = teamsTenancy(
    container.workspaces,
    container.clock,
    container.workspaceChanges,
    rosterLookup(app),
  );
  const files = createFileLinks({ baseUrl: options.publicUrl, secret: mode.clientSecret });
  const deps: TeamsDeps = {
    container,
    parseDate: options.parseDate,
    files,
  };
  registerEvents(app, deps, tenancy);
  // After the arrival bookkeeping: only the activity's own writes decide what a failure says.
  app.use(async (ctx) => runWriteScope(async () => ctx.next()));
  registerCommands(app, deps, tenancy);
  registerCardActions(app, deps, tenancy);
  registerDialogs(app, deps, tenancy);
  registerSearch(app, deps, tenancy);
  registerMessageExtensions(app, deps, tenancy);
  options.expressApp.get(`${FILE_ROUTE}/:token`, downloadHandler(container, files));
  await app.initialize();
  return { app, deps, serviceUrl };
}
