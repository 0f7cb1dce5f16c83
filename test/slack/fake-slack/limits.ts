/**
 * Slack's own limits and scope rules, as the fake enforces them. This table is deliberately
 * independent of the app's limit table: the fake plays Slack, so a drift between the two
 * shows up as a failing test instead of being copied on both sides.
 *
 * Every value comes from /work/shared/docs/slack-platform.md (section in brackets).
 */
export const SLACK_LIMITS = {
  /** [§1.1] blocks per message / per modal or Home tab. */
  messageBlocks: 50,
  viewBlocks: 100,
  /**
   * [§1.1] `msg_blocks_too_long`: not documented. Reports: rejected at ~13,200 chars of
   * blocks (bolt-js #2509) and at 11,341 text chars in 45 blocks (bolt-js #2867); a
   * maintainer spoke of "12,000 text characters with a buffer for block containers". The
   * fake counts the characters of every `text` string in the blocks and rejects above this
   * (12,000 also matches the markdown block's cumulative limit).
   */
  messageBlocksTextChars: 12_000,
  /** [§1.5] `text` is truncated (with a warning) past this on chat.postMessage. */
  messageTextChars: 40_000,
  /** [§1.4] view_too_large: "greater than 250kb" (views.publish error list). */
  viewJsonBytes: 250 * 1024,
  /** [§1.2] */
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageTitle: 2000,
  imageUrl: 3000,
  markdownText: 12_000,
  /** [§1.3] */
  textObject: 3000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  accessibilityLabel: 75,
  placeholder: 150,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  optionText: 75,
  /** ⚠ docs.slack.dev and the python SDK say 150; @slack/types JSDoc says 75. Slack = 150. */
  optionValue: 150,
  optionDescription: 75,
  optionUrl: 3000,
  overflowOptionsMin: 1,
  overflowOptionsMax: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  plainTextInputMinLength: 3000,
  plainTextInputMaxLength: 3000,
  fileInputMaxFiles: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** [§1.4] */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  viewStackDepth: 3,
  /** [§2.1] trigger_id: single use, ~3 s. */
  triggerTtlMs: 3000,
  /** [§2.1] response_url: 5 uses within 30 minutes. */
  responseUrlUses: 5,
  responseUrlTtlMs: 30 * 60 * 1000,
  /** [§4.2] files.getUploadURLExternal `alt_txt` limit. */
  fileAltText: 1000,
  /** conversations.open: "Needs at most 8 users to open" (docs error list). */
  mpimMaxUsers: 8,
} as const;

/**
 * [§4.1, §5] Bot scopes a method needs; any one of the listed scopes is enough. `null`
 * means no scope is required (views.*, auth.test, chat.getPermalink).
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[] | null>> = {
  'auth.test': null,
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': null,
  'views.open': null,
  'views.push': null,
  'views.update': null,
  'views.publish': null,
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  'conversations.open': ['channels:manage', 'groups:write', 'im:write', 'mpim:write'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.members': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.join': ['channels:join'],
  'team.info': ['team:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.info': ['files:read'],
};

/** A typical bot install: chat:write but NOT chat:write.public. */
export const DEFAULT_BOT_SCOPES: readonly string[] = [
  'chat:write',
  'commands',
  'users:read',
  'users:read.email',
  'im:write',
  'im:read',
  'mpim:write',
  'channels:read',
  'groups:read',
  'channels:join',
  'files:write',
  'files:read',
  'team:read',
];
