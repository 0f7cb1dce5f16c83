/** Public API of the fake Slack used by the bot's tests. */
export { type BlockKitVerdict, countTextChars, validateMessageBlocks, validateView } from './block-kit.js';
export { silentLogger, webClientFor } from './clients.js';
export { appHomeOpenedEvent, eventEnvelope } from './events.js';
export { DEFAULT_BOT_SCOPES, METHOD_SCOPES, SLACK_LIMITS } from './limits.js';
export { type Actor, type StateValues, viewOutput } from './payload-support.js';
export {
  type BlockActionsOptions,
  type BlockSuggestionOptions,
  blockActionsPayload,
  blockSuggestionPayload,
  globalShortcutPayload,
  type MessageShortcutOptions,
  messageShortcutPayload,
  type ViewSubmissionOptions,
  viewSubmissionPayload,
} from './payloads.js';
export type { InjectedFailure, RateLimitRule } from './rate-limit.js';
export { FakeSlack, type FakeSlackOptions, type ResponseUrlTarget, startFakeSlack } from './server.js';
export {
  type EventSendOptions,
  type SendOptions,
  type SignedHeaders,
  type SlackHttpResponse,
  type SlashCommandFields,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  signRequest,
  slackTimestamp,
} from './signing.js';
export { FAKE_DEFAULTS, type NewChannel, type NewToken, type NewUser } from './state.js';
export type * from './types.js';
export type { TriggerOptions } from './views-store.js';
