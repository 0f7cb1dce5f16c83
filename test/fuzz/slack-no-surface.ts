/**
 * Whether a fuzzed Slack payload has anywhere to be answered: the same rules the app's payload
 * schemas apply (a trigger, a user id of Slack's shape, a response_url or a view), so the
 * harness never blames the app for not answering nobody.
 */
/** The interactive payload types Slack defines that reach an app's request URL. */
const SLACK_PAYLOAD_TYPES: readonly unknown[] = [
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'dialog_suggestion',
  'event_callback',
  'url_verification',
];

const SLACK_TRIGGER = /^\d+\.\d+\.[0-9a-zA-Z]+$/;
/** The app refuses a user id not of Slack's shape ("U0123ABCD"): it names no person to answer. */
const SLACK_USER_ID = /^[A-Z0-9]{2,32}$/;
const nonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

/**
 * A payload (not a slash command) with nowhere to answer: its `type` names nothing Slack sends,
 * or it names no person and carries no way back to one (no user id, response_url, trigger or view).
 */
export function namesNoSurface(sent: unknown): boolean {
  if (typeof sent !== 'object' || sent === null) return false;
  const payload = sent as Record<string, unknown>;
  if (!SLACK_PAYLOAD_TYPES.includes(payload.type)) return true;
  const user = payload.user;
  const userId = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : payload.user_id;
  const person = typeof userId === 'string' && SLACK_USER_ID.test(userId);
  const view = payload.view;
  const viewId = typeof view === 'object' && view !== null ? (view as { id?: unknown }).id : undefined;
  // A trigger only opens a modal when Slack issued it: "digits.digits.alphanumerics".
  const trigger = typeof payload.trigger_id === 'string' && SLACK_TRIGGER.test(payload.trigger_id);
  return !trigger && !person && ![payload.response_url, viewId].some(nonEmptyString);
}
