import { App, type AppOptions, ExpressReceiver, HTTPReceiver, type ReceiverEvent } from '@slack/bolt';
import type { InstallationStore } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Express } from 'express';
import type { Clock, Logger } from '../../core/shared/ports.js';
import { runWriteScope } from '../../core/shared/write-outcome.js';
import { toBoltLogger } from './bolt-logger.js';
import { createGlobalErrorHandler } from './error-handler.js';
import { refuseFutureSlackRequests, refusingFutureSlackRequests } from './future-timestamp.js';
import { installSuccessCallback } from './install-owner.js';
import { registerListeners, type SlackDeps } from './listeners/index.js';
import { answeringStoreOutages } from './middleware/store-outage.js';
import { type TenantResolver, tenantMiddleware } from './middleware/tenant.js';
import { answerClientFor } from './payloads/answer-client.js';
import { parseBeforeRouting } from './payloads/index.js';
import { BOT_SCOPES } from './scopes.js';

/**
 * The settings the Slack app reads. The composition root passes its whole parsed config
 * (other variables ride along), so the adapter never imports the config module.
 */
export interface SlackAppConfig {
  readonly SLACK_SIGNING_SECRET?: string | undefined;
  readonly SLACK_BOT_TOKEN?: string | undefined;
  readonly SLACK_APP_TOKEN?: string | undefined;
  readonly SLACK_CLIENT_ID?: string | undefined;
  readonly SLACK_CLIENT_SECRET?: string | undefined;
  readonly SLACK_STATE_SECRET?: string | undefined;
  readonly SLACK_API_URL?: string | undefined;
  readonly [otherSetting: string]: unknown;
}

/** How Slack reaches the app: one workspace's token or OAuth installs, over HTTP or Socket Mode. */
export interface SlackServeMode {
  kind: 'single-workspace' | 'oauth';
  socketMode: boolean;
}

export interface SlackAppOptions {
  config: SlackAppConfig;
  mode: SlackServeMode;
  installationStore: InstallationStore;
  tenants: TenantResolver;
  clock: Clock;
  logger: Logger;
  /** Everything the listeners need besides tenancy: use cases, renderers' settings. */
  deps: Omit<SlackDeps, 'webClientOptions'>;
  /** Extra HTTP routes on the same port (health check), when Bolt serves HTTP itself. */
  customRoutes?: AppOptions['customRoutes'];
  /**
   * The process's shared Express server (Teams and /healthz live there too): Slack is mounted
   * on it at /slack/events (and the OAuth routes) instead of listening on its own.
   */
  expressApp?: Express;
  /**
   * Production (the default, false) acks first and keeps working, as Slack's 3-second rule
   * asks; true holds the HTTP answer until the listener finished. Tests keep the default and
   * learn that a request is done through `observeRequest`.
   */
  processBeforeResponse?: boolean;
  /**
   * Told of every request Bolt handles, as it starts, with a promise that settles (never
   * rejects) once its listeners and the global error handler are done. Tests wait on it
   * instead of guessing how long the work after the ack takes; production leaves it out.
   */
  observeRequest?: (handled: Promise<void>) => void;
  /** Tests turn the WebClient's retries off so an injected 5xx fails fast instead of backing off for minutes. */
  webClientRetries?: number;
}

/**
 * Builds the Bolt app: HTTP receiver on /slack/events (Socket Mode with SLACK_APP_TOKEN),
 * one workspace through SLACK_BOT_TOKEN or many through OAuth with a MongoDB installation
 * store, every Web API call sent to SLACK_API_URL, one global error handler.
 */
export function createSlackApp(options: SlackAppOptions): App {
  const { config, mode, logger } = options;
  const webClientOptions: WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    logger: toBoltLogger(logger, 'slack-web-api'),
    ...(options.webClientRetries !== undefined ? { retryConfig: { retries: options.webClientRetries } } : {}),
  };
  const oauth =
    mode.kind === 'oauth'
      ? {
          clientId: config.SLACK_CLIENT_ID,
          clientSecret: config.SLACK_CLIENT_SECRET,
          stateSecret: config.SLACK_STATE_SECRET,
          scopes: [...BOT_SCOPES],
          installationStore: options.installationStore,
          installerOptions: {
            // The installer's own Web API calls (oauth.v2.access) go where the app's do, with our logger.
            clientOptions: webClientOptions,
            directInstall: true,
            stateVerification: true,
            callbackOptions: {
              successAsync: installSuccessCallback(options.tenants, webClientOptions, logger),
            },
          },
        }
      : {};
  const token = mode.kind === 'oauth' ? {} : { token: config.SLACK_BOT_TOKEN };
  const processBeforeResponse = options.processBeforeResponse ?? false;
  const common = {
    processBeforeResponse,
    clientOptions: webClientOptions,
    logger: toBoltLogger(logger),
    extendedErrorHandler: true,
    // Token verification would call auth.test before the first request; do it lazily instead so
    // start-up never depends on Slack being reachable.
    tokenVerificationEnabled: false,
  };
  let app: App;
  if (options.expressApp && !mode.socketMode) {
    // Mounted before the receiver so it runs ahead of Bolt's signature check.
    options.expressApp.use('/slack/events', refuseFutureSlackRequests());
    const receiver = new ExpressReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      app: options.expressApp,
      endpoints: '/slack/events',
      processBeforeResponse,
      logger: toBoltLogger(logger),
      ...oauth,
    });
    app = new App({ receiver, ...token, ...common });
  } else if (!mode.socketMode) {
    // Bolt's own HTTP server, with the same check as the shared server ahead of its verification.
    const receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      processBeforeResponse,
      logger: toBoltLogger(logger),
      ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
      ...oauth,
    });
    receiver.requestListener = refusingFutureSlackRequests(receiver.requestListener);
    app = new App({ receiver, ...token, ...common });
  } else {
    app = new App({ ...oauth, ...token, socketMode: true, appToken: config.SLACK_APP_TOKEN, ...common });
  }

  // Before Bolt routes anything: a payload that does not parse never reaches Bolt or a listener.
  const botToken = mode.kind === 'oauth' ? undefined : config.SLACK_BOT_TOKEN;
  const requestClient = answerClientFor(botToken, options.installationStore, webClientOptions);
  parseBeforeRouting(app, logger, requestClient);
  // Around the parse step, so a request it answers itself (never routed) is observed too.
  if (options.observeRequest) observeProcessing(app, options.observeRequest);
  const tenancy = tenantMiddleware(options.tenants, options.clock, options.deps.container.workspaceChanges);
  // Ahead of tenancy, which reads the store before any listener can answer.
  app.use(answeringStoreOutages(logger));
  app.use(tenancy.middleware);
  // After tenancy: only the request's own writes decide whether a failure may have saved something.
  app.use(({ next }) => runWriteScope(next));
  registerListeners(app, {
    ...options.deps,
    webClientOptions,
    installationStore: options.installationStore,
  });
  app.error(
    createGlobalErrorHandler(logger, (token) => new WebClient(token, webClientOptions), requestClient),
  );
  return app;
}

/** Reports each request's whole handling (after the ack too, the parse step's answers too) to `observe`. */
function observeProcessing(app: App, observe: (handled: Promise<void>) => void): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent): Promise<void> => {
    const handling = process(event);
    observe(
      handling.then(
        () => {},
        () => {},
      ),
    );
    return handling;
  };
}
