import { z } from 'zod';

/**
 * Pieces every surface's schema shares. Objects are loose: Slack adds fields over time and a
 * new one must never refuse a request; only the fields the app reads are checked, with the
 * types its code relies on.
 */

export const slackId = z.string().min(1).max(255);

/**
 * A message timestamp as Slack writes it ("1700000000.000200"): the log form keeps the message's
 * ts in its metadata under the same rule, so a forged one must stop here, not in the listener.
 */
export const slackTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** A conversation id as Slack writes it ("C0123ABCD"): the log form keeps it in its metadata under this rule. */
export const slackChannelId = z.string().regex(/^[A-Z0-9]{2,32}$/);

/**
 * A trigger id as Slack issues them ("13345224609.738474920.8088930838d88f008e0"). A shortcut's
 * only way to answer is views.open with it, so a forged one is refused before the listener
 * opens nothing and says "something went wrong"; the answer then goes to the person's DM.
 */
export const slackTrigger = z.string().regex(/^\d{1,20}\.\d{1,20}\.[0-9a-zA-Z]{1,64}$/);

/**
 * A user id as Slack writes it ("U0123ABCD"). Any other names no member: the app would record
 * an actor for it and answer a person who does not exist (the ephemeral fails, nobody is told).
 */
export const slackUserId = z.string().regex(/^[A-Z0-9]{2,32}$/);

/** Who acted; `team_id` is where Bolt finds the workspace when `team` is null (org-wide installs). */
export const slackUser = z.looseObject({ id: slackUserId, team_id: slackId.nullish() });

/**
 * The workspace an interactive payload comes from: Bolt reads `team.id` to find the tenant, so
 * a team that is not an object would reach a listener with no tenant. Null or absent is
 * Slack's own shape for an org-wide (Enterprise Grid) install, which names the enterprise.
 */
export const slackTeam = z.looseObject({ id: slackId }).nullish();

/**
 * Whether an interactive payload names the workspace it comes from, where Bolt looks for it:
 * a modal's `view.app_installed_team_id`, `team.id`, else `user.team_id`, or the organisation of
 * an org-wide install. Tenancy needs one, so a payload naming none (a user without `team_id`
 * and no team) would reach its listener with no tenant and end in "something went wrong";
 * schemas refuse it instead, as the shape it is ({@link WORKSPACE_NAMED}).
 */
function namesItsWorkspace(body: unknown): boolean {
  if (loggedIdAt(body, 'view', 'app_installed_team_id')) return true;
  if (loggedIdAt(body, 'team', 'id') || loggedIdAt(body, 'user', 'team_id')) return true;
  const orgWide = typeof body === 'object' && body !== null && 'is_enterprise_install' in body;
  const install = orgWide ? body.is_enterprise_install : false;
  const enterprise = loggedIdAt(body, 'enterprise', 'id') ?? loggedIdAt(body, 'team', 'enterprise_id');
  return (install === true || install === 'true') && enterprise !== undefined;
}

/** The refinement every interactive surface's schema ends with: `.refine(...WORKSPACE_NAMED)`. */
export const WORKSPACE_NAMED: [(body: unknown) => boolean, { path: string[]; message: string }] = [
  namesItsWorkspace,
  { path: ['team'], message: 'names no workspace (no team.id, user.team_id or enterprise)' },
];

/** A select or checkbox option as Slack reports it back: the app reads its value and label. */
export const selectedOption = z.looseObject({
  value: z.string(),
  text: z.looseObject({ text: z.string() }),
});

/**
 * One input's value in view.state.values. Every key a reader may touch is typed; Slack leaves
 * out (or nulls) those that do not apply to the element's type.
 */
export const elementState = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: selectedOption.nullish(),
  selected_options: z.array(selectedOption).nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_date_time: z.number().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_channel: z.string().nullish(),
  selected_channels: z.array(z.string()).nullish(),
  selected_conversation: z.string().nullish(),
  selected_conversations: z.array(z.string()).nullish(),
  // Each file is read with its own schema (attachments, CSV import); here only "objects".
  files: z.array(z.looseObject({})).nullish(),
  rich_text_value: z.looseObject({}).nullish(),
});

export const viewState = z.looseObject({
  values: z.record(z.string(), z.record(z.string(), elementState)),
});

/** A modal or the Home tab, as submissions, closes and in-view actions carry it. */
export const slackView = z.looseObject({
  id: slackId,
  type: z.string(),
  callback_id: z.string(),
  private_metadata: z.string(),
  hash: z.string(),
  state: viewState,
  blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })),
});

/**
 * The view a click or a search came from, when only some of it is read (a Home tab click reads
 * none of it, a search its metadata): typed where present, so a shape Slack trims never refuses
 * a request. Listeners that re-render a form ask for the whole slackView (actions.ts).
 */
export const containerView = z.looseObject({
  id: slackId,
  type: z.string(),
  callback_id: z.string().optional(),
  private_metadata: z.string().optional(),
  hash: z.string().optional(),
  state: viewState.optional(),
  blocks: slackView.shape.blocks.optional(),
});

/** view.state.values as parsed: what every form reader takes. */
export type StateValues = z.infer<typeof viewState>['values'];
export type ElementState = z.infer<typeof elementState>;

const ID_LOGGED_MAX = 100;

/** A string at a path of an unparsed payload, for the log line only; never trusted further. */
export function loggedIdAt(raw: unknown, ...path: string[]): string | undefined {
  let node = raw;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node.slice(0, ID_LOGGED_MAX) : undefined;
}
