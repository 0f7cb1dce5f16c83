import {
  FAKE_DEFAULTS,
  type FakeSlack,
  type JsonObject,
  type SlackHttpResponse,
  type StoredView,
} from '../../slack/fake-slack/index.js';
import type { Observation } from '../scenario.js';
import { blocksOf, textOf, unescapeSlack } from './slack-surfaces.js';

const GENERAL = FAKE_DEFAULTS.channels.general;
const SURFACE_METHODS = new Set(['chat.postEphemeral', 'chat.postMessage', 'chat.update', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.push', 'views.update']);

/** The last message a person was shown with items or buttons: where their next click lands. */
export interface Surface {
  blocks: JsonObject[];
  channel: string;
  ts?: string;
  /** The App Home tab, when the surface is one: clicks there come from a view. */
  home?: StoredView;
}

/** Where the fake stood before a step: what came after is the step's outcome. */
export interface Mark {
  calls: number;
  files: Set<string>;
}

export const markOf = (fake: FakeSlack): Mark => ({
  calls: fake.calls.length,
  files: new Set(fake.files().map((file) => file.id)),
});

/** The message a surface call showed, and where the person's next click on it lands. */
function surfaceOf(fake: FakeSlack, method: string, args: JsonObject, blocks: JsonObject[]): Surface {
  if (method === 'response_url') {
    const ephemeral = fake.ephemeralMessages(GENERAL).at(-1);
    return { blocks, channel: GENERAL, ...(ephemeral ? { ts: ephemeral.message_ts } : {}) };
  }
  const channel = String(args.channel ?? GENERAL);
  // An update names its message; a post is the channel's latest.
  const ts = typeof args.ts === 'string' ? args.ts : fake.messages(channel).at(-1)?.ts;
  return { blocks, channel, ...(ts ? { ts } : {}) };
}

/** What the HTTP answer itself showed: form errors, a modal pushed or updated, a message. */
function fromAck(body: unknown, texts: string[], formErrors: string[]): boolean {
  if (typeof body === 'string') {
    if (body) texts.push(body);
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const ack = body as JsonObject;
  if (ack.response_action === 'errors' && typeof ack.errors === 'object' && ack.errors !== null)
    formErrors.push(...Object.values(ack.errors).map(String));
  if (typeof ack.text === 'string') texts.push(textOf(ack.blocks) || ack.text);
  if ((ack.response_action === 'update' || ack.response_action === 'push') && ack.view) {
    texts.push(textOf([(ack.view as JsonObject).title, (ack.view as JsonObject).blocks]));
    return true;
  }
  return false;
}

/**
 * Everything a step showed, read from the HTTP answer and from the calls the app made to the
 * fake Slack since `mark` (ephemerals, posts, updates, DMs, modals, the Home tab, file shares),
 * plus the last surface with blocks, for the next click.
 */
export function outcomeSince(
  fake: FakeSlack,
  mark: Mark,
  response: SlackHttpResponse,
): { observation: Observation; surface?: Surface } {
  const texts: string[] = [];
  const formErrors: string[] = [];
  let formOpened = fromAck(response.body, texts, formErrors);
  let surface: Surface | undefined;
  for (const call of fake.calls.slice(mark.calls)) {
    if (!call.ok && call.method !== 'response_url') continue;
    const args = call.args;
    const view = typeof args.view === 'object' && args.view !== null ? (args.view as JsonObject) : undefined;
    if (SURFACE_METHODS.has(call.method) && args.delete_original !== true) {
      const blocks = Array.isArray(args.blocks) ? (args.blocks as JsonObject[]) : [];
      texts.push(blocks.length > 0 ? textOf(blocks) : String(args.text ?? ''));
      if (blocks.length > 0) surface = surfaceOf(fake, call.method, args, blocks);
    }
    // A report (and its CSV) is one file share whose blocks are the message.
    if (call.method === 'files.completeUploadExternal')
      texts.push(textOf(args.blocks) || String(args.initial_comment ?? ''));
    if (call.method === 'views.publish' && view) {
      texts.push(textOf(view.blocks));
      const home = fake.homeView(String(args.user_id));
      if (home) surface = { blocks: blocksOf(view), channel: '', home };
    }
    if (VIEW_METHODS.has(call.method) && view) {
      formOpened = true;
      texts.push(textOf([view.title, view.blocks]));
    }
  }
  const shared = fake.files().filter((file) => file.completed && !mark.files.has(file.id));
  const csv = shared
    .at(-1)
    ?.content?.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  for (const message of fake
    .messages(GENERAL)
    .filter((m) => m.files?.some((f) => !mark.files.has(String(f.id)))))
    texts.push(message.text ?? '');
  const observation: Observation = {
    text: unescapeSlack(texts.filter(Boolean).join('\n')),
    formErrors: formErrors.map(unescapeSlack),
    formOpened,
    ...(csv ? { csv } : {}),
  };
  return { observation, ...(surface ? { surface } : {}) };
}
