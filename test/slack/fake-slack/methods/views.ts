import { validateView, withBlockIds } from '../block-kit.js';
import { isObject } from '../block-kit-checks.js';
import type { FakeCore } from '../core.js';
import { SLACK_LIMITS as L } from '../limits.js';
import type { FakeToken, JsonObject, StoredView } from '../types.js';
import { viewToApi } from '../views-store.js';
import { argString, fail, failWithMessages, type MethodHandler, ok } from './registry.js';

type Checked = { ok: true; definition: JsonObject } | { ok: false; reply: JsonObject };

/**
 * The `view` argument validated, with block_ids filled in. Done before the trigger is
 * exchanged, so a rejected view does not burn the trigger_id. `selfId` is the view being
 * replaced, which may keep its own external_id.
 */
function checkedView(
  core: FakeCore,
  auth: FakeToken,
  args: JsonObject,
  expect: 'modal' | 'home',
  selfId?: string,
): Checked {
  const view = args.view;
  const verdict = validateView(view, { expect });
  if (!verdict.ok || !isObject(view)) {
    const error = verdict.ok ? 'invalid_arguments' : verdict.error;
    const errors = verdict.ok ? [] : verdict.errors;
    const reply = error === 'view_too_large' ? fail(error) : failWithMessages(error, errors, false);
    return { ok: false, reply };
  }
  const blocks = Array.isArray(view.blocks) ? withBlockIds(view.blocks, core.newBlockId) : [];
  const externalId = typeof view.external_id === 'string' ? view.external_id : '';
  const clash = externalId === '' ? undefined : core.views.byExternalId(auth.teamId, externalId);
  if (clash && clash.id !== selfId) return { ok: false, reply: fail('duplicate_external_id') };
  return { ok: true, definition: { ...view, blocks } };
}

function owner(auth: FakeToken) {
  return { teamId: auth.teamId, appId: auth.appId, botId: auth.botId };
}

const open: MethodHandler = ({ args, auth, core }) => {
  const checked = checkedView(core, auth, args, 'modal');
  if (!checked.ok) return checked.reply;
  const exchanged = core.views.exchangeTrigger(args.trigger_id, core.now(), auth.teamId);
  if (!exchanged.ok) return fail(exchanged.error);
  const view = core.views.openModal(
    checked.definition,
    { ...owner(auth), userId: exchanged.trigger.userId },
    core.now(),
  );
  return ok({ view: viewToApi(view) });
};

const push: MethodHandler = ({ args, auth, core }) => {
  const checked = checkedView(core, auth, args, 'modal');
  if (!checked.ok) return checked.reply;
  const exchanged = core.views.exchangeTrigger(args.trigger_id, core.now(), auth.teamId);
  if (!exchanged.ok) return fail(exchanged.error);
  // A trigger that did not come from inside an open modal has no stack to push onto.
  const stack = core.views.stackFor(exchanged.trigger, auth.teamId);
  if (!stack) return fail('invalid_trigger_id');
  if (stack.length >= L.viewStackDepth) return fail('push_limit_reached');
  const view = core.views.push(stack, checked.definition, owner(auth), core.now());
  return ok({ view: viewToApi(view) });
};

function targetView(core: FakeCore, auth: FakeToken, args: JsonObject): StoredView | undefined {
  const viewId = argString(args, 'view_id');
  const externalId = argString(args, 'external_id');
  if (viewId !== undefined) {
    const view = core.views.get(viewId);
    return view?.open && view.teamId === auth.teamId ? view : undefined;
  }
  return externalId === undefined ? undefined : core.views.byExternalId(auth.teamId, externalId);
}

const update: MethodHandler = ({ args, auth, core }) => {
  const view = targetView(core, auth, args);
  if (!view) return fail('not_found');
  const checked = checkedView(core, auth, args, view.type, view.id);
  if (!checked.ok) return checked.reply;
  // An empty-string hash is a mismatch too (slack-go#1462): only an omitted hash skips the check.
  if (args.hash !== undefined && args.hash !== view.hash) return fail('hash_conflict');
  return ok({ view: viewToApi(core.views.update(view, checked.definition, core.now())) });
};

const publish: MethodHandler = ({ args, auth, core }) => {
  const userId = argString(args, 'user_id');
  const user = userId === undefined ? undefined : core.workspace.users.get(userId);
  if (!user || user.teamId !== auth.teamId) {
    return fail('invalid_arguments', { response_metadata: { messages: ['invalid `user_id`'] } });
  }
  if (core.options.homeTabEnabled === false) return fail('not_enabled');
  const current = core.views.home(auth.teamId, user.id);
  const checked = checkedView(core, auth, args, 'home', current?.id);
  if (!checked.ok) return checked.reply;
  if (args.hash !== undefined && args.hash !== current?.hash) return fail('hash_conflict');
  const view = core.views.publishHome(checked.definition, { ...owner(auth), userId: user.id }, core.now());
  return ok({ view: viewToApi(view) });
};

export const viewsMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
