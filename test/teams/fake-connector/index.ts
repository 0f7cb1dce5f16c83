/** Public API of the fake Bot Framework Connector used by the Teams plugin's tests. */
export {
  ADAPTIVE_CARD_CONTENT_TYPE,
  checkActivitySize,
  MAX_ACTIVITY_BYTES,
  TEAMS_MAX_CARD_VERSION,
  validateActivityCards,
  validateTeamsCard,
} from './card-validation.js';
export { BOT_AUDIENCE, decodeJwtPayload, fakeBotToken } from './jwt.js';
export { type FakeConnector, startFakeConnector } from './server.js';
export { TEAMS_THREAD_LIMITS } from './state.js';
export { BOT_LOGIN_TENANT, TOKEN_PATH } from './token.js';
export type * from './types.js';
