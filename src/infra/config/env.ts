import { z } from 'zod';

/**
 * Configuration comes from the environment, plus `.env` when present (see loadStartupConfig),
 * validated once at start-up. A bad value stops start-up with one line naming the variable.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z.object({
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  // With MONGODB_URI unset: the built-in SQLite file (unset or sqlite), or ferretdb, the embedded
  // FerretDB built from Go, for development and tests of the MongoDB path.
  STORE: z.enum(['ferretdb', 'sqlite'], { message: 'must be ferretdb or sqlite' }).optional(),
  PORT: z.coerce
    .number({ message: 'must be a port number (0-65535)' })
    .int('must be a port number (0-65535)')
    .min(0, 'must be a port number (0-65535)')
    .max(65535, 'must be a port number (0-65535)')
    .default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),

  // on: jobs run inside the bot process; off: a bot without jobs; only: a jobs-only worker.
  WORKER: z.enum(['on', 'off', 'only'], { message: 'must be on, off or only' }).default('on'),

  // Slack (issue: Slack bot). One workspace with a bot token, or many through OAuth.
  SLACK_SIGNING_SECRET: z.string().min(8, 'looks too short to be a signing secret').optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token (xoxb-…)')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, 'must be an app-level token (xapp-…)')
    .optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(8, 'must be at least 8 characters').optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),

  // Microsoft Teams (issue: Teams plugin). The Entra app registration of the bot.
  TEAMS_CLIENT_ID: z.uuid({ message: "must be the bot's Microsoft App ID (a GUID)" }).optional(),
  TEAMS_CLIENT_SECRET: z.string().min(1).optional(),
  // Single-tenant bots name their tenant; unset means multi-tenant.
  TEAMS_TENANT_ID: z.uuid({ message: 'must be the Entra tenant id (a GUID)' }).optional(),
  // Where outbound Bot Connector calls go when no activity told us (proactive sends; tests).
  TEAMS_SERVICE_URL: z
    .url({ message: 'must be a URL such as https://smba.trafficmanager.net/teams/' })
    .optional(),
  // Skips inbound JWT validation, for the local Agents Playground only; needs NODE_ENV=development.
  TEAMS_ALLOW_UNAUTHENTICATED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  // Where users' browsers reach this app (CSV download links in Teams). Default: http://localhost:PORT.
  PUBLIC_URL: z.url({ message: 'must be a URL such as https://crm-bot.example.org' }).optional(),
  NODE_ENV: z.string().optional(),
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Treat empty strings as unset: `.env` templates often leave `MONGODB_URI=` blank.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path.join('.') ?? 'environment';
  throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}`);
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * Adds the variables of `path` (a `.env` file, as `.env.example` invites) to process.env when
 * the file exists. Node's own loader (process.loadEnvFile) never replaces a variable the
 * environment already has, even an empty one: the environment wins over the file.
 * Returns whether a file was read.
 */
export function readEnvFile(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`Invalid configuration: cannot read ${path} (${reason})`);
  }
}

/** What `npm start` runs on: `.env` from the working directory if any, under the environment. */
export function loadStartupConfig(envFile = '.env'): AppConfig {
  readEnvFile(envFile);
  return loadConfig(process.env);
}

export type SlackMode =
  | { kind: 'off'; missing: string[] }
  | { kind: 'single-workspace'; socketMode: boolean }
  | { kind: 'oauth'; socketMode: boolean };

/**
 * Which Slack set-up the variables describe. Partial sets are errors that name what is
 * missing, so a half-configured bot never starts silently without Slack.
 */
export function slackMode(config: AppConfig): SlackMode {
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthVars.filter((name) => config[name] !== undefined);
  const anySlack =
    config.SLACK_BOT_TOKEN !== undefined ||
    oauthSet.length > 0 ||
    config.SLACK_SIGNING_SECRET !== undefined ||
    socketMode;
  if (!anySlack)
    return {
      kind: 'off',
      missing: [
        'SLACK_SIGNING_SECRET',
        'SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)',
      ],
    };
  if (!socketMode && config.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError(
      'Invalid configuration: SLACK_SIGNING_SECRET is required to verify Slack requests (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (oauthSet.length > 0 && oauthSet.length < oauthVars.length) {
    const missing = oauthVars.filter((name) => config[name] === undefined);
    throw new ConfigError(
      `Invalid configuration: ${missing.join(', ')} must be set for OAuth installs (or unset ${oauthSet.join(', ')})`,
    );
  }
  if (oauthSet.length === oauthVars.length) return { kind: 'oauth', socketMode };
  if (config.SLACK_BOT_TOKEN === undefined) {
    throw new ConfigError(
      'Invalid configuration: SLACK_BOT_TOKEN is required for a single workspace (or set the SLACK_CLIENT_* variables for OAuth)',
    );
  }
  return { kind: 'single-workspace', socketMode };
}

export type TeamsMode =
  | { kind: 'off' }
  | {
      kind: 'on';
      clientId?: string;
      clientSecret?: string;
      tenantId?: string;
      serviceUrl?: string;
      allowUnauthenticated: boolean;
    };

/** Where the unauthenticated Teams mode may run: a developer's machine or a test run. */
const UNAUTHENTICATED_TEAMS_ENVIRONMENTS = ['development', 'test'];

/**
 * Whether NODE_ENV names an environment that may skip Teams' JWT validation. An allow-list,
 * not a deny-list: `Production`, `production ` or `staging` must all keep validation on, so
 * only an explicit `development` or `test` (any case, surrounding spaces ignored) qualifies.
 */
export function allowsUnauthenticatedTeams(nodeEnv: string | undefined): boolean {
  return UNAUTHENTICATED_TEAMS_ENVIRONMENTS.includes((nodeEnv ?? '').trim().toLowerCase());
}

/**
 * Whether the variables configure Teams. A client id needs its secret (and the other way
 * round); the unauthenticated test mode is refused unless NODE_ENV is explicitly development
 * or test, so a stray variable can never open /api/messages to forged activities.
 */
export function teamsMode(config: AppConfig): TeamsMode {
  const { TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: clientSecret } = config;
  const allowUnauthenticated = config.TEAMS_ALLOW_UNAUTHENTICATED;
  if (allowUnauthenticated && !allowsUnauthenticatedTeams(config.NODE_ENV)) {
    const current = config.NODE_ENV === undefined ? 'unset' : JSON.stringify(config.NODE_ENV);
    throw new ConfigError(
      `Invalid configuration: TEAMS_ALLOW_UNAUTHENTICATED=true needs NODE_ENV=development (or test), and NODE_ENV is ${current}; everywhere else Teams requests must be verified`,
    );
  }
  if (clientId === undefined && clientSecret === undefined && !allowUnauthenticated) {
    if (config.TEAMS_TENANT_ID !== undefined) {
      throw new ConfigError('Invalid configuration: TEAMS_TENANT_ID is set but TEAMS_CLIENT_ID is not');
    }
    return { kind: 'off' };
  }
  if (clientId !== undefined && clientSecret === undefined) {
    throw new ConfigError('Invalid configuration: TEAMS_CLIENT_SECRET is required with TEAMS_CLIENT_ID');
  }
  if (clientSecret !== undefined && clientId === undefined) {
    throw new ConfigError('Invalid configuration: TEAMS_CLIENT_ID is required with TEAMS_CLIENT_SECRET');
  }
  return {
    kind: 'on',
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
    ...(config.TEAMS_SERVICE_URL ? { serviceUrl: config.TEAMS_SERVICE_URL } : {}),
    allowUnauthenticated,
  };
}
