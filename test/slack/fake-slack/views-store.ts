import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject, StoredView } from './types.js';

export interface TriggerOptions {
  teamId?: string;
  userId?: string;
  /** The modal the interaction came from: views.push stacks onto that modal's stack. */
  viewId?: string;
}

interface Trigger extends TriggerOptions {
  id: string;
  issuedAt: number;
  used: boolean;
}

export type TriggerVerdict =
  | { ok: true; trigger: TriggerOptions }
  | { ok: false; error: 'invalid_trigger_id' | 'exchanged_trigger_id' | 'expired_trigger_id' };

interface Owner {
  teamId: string;
  userId?: string;
  appId: string;
  botId: string;
}

/** trigger_ids, modal stacks and Home tabs. */
export class ViewStore {
  private readonly triggers = new Map<string, Trigger>();
  private readonly views = new Map<string, StoredView>();
  /** Each stack lists view ids root first; a user sees at most one modal stack at a time. */
  private stacks: string[][] = [];
  private readonly homes = new Map<string, string>();
  private counter = 0;

  clear(): void {
    this.triggers.clear();
    this.views.clear();
    this.stacks = [];
    this.homes.clear();
    this.counter = 0;
  }

  issueTrigger(now: number, options: TriggerOptions = {}): string {
    this.counter += 1;
    const id = `${Math.floor(now / 1000)}.${this.counter}.${this.counter.toString(16).padStart(12, 'a')}`;
    this.triggers.set(id, { ...options, id, issuedAt: now, used: false });
    return id;
  }

  /** Single use and valid for SLACK_LIMITS.triggerTtlMs after issue, like Slack's. */
  exchangeTrigger(id: unknown, now: number, teamId: string): TriggerVerdict {
    const trigger = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!trigger || (trigger.teamId !== undefined && trigger.teamId !== teamId)) {
      return { ok: false, error: 'invalid_trigger_id' };
    }
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (now - trigger.issuedAt > L.triggerTtlMs) return { ok: false, error: 'expired_trigger_id' };
    trigger.used = true;
    return { ok: true, trigger };
  }

  get(id: string): StoredView | undefined {
    return this.views.get(id);
  }

  byExternalId(teamId: string, externalId: string): StoredView | undefined {
    return [...this.views.values()].find((v) => v.open && v.teamId === teamId && v.externalId === externalId);
  }

  openModals(userId?: string): StoredView[] {
    return this.stacks
      .flat()
      .map((id) => this.views.get(id)!)
      .filter((v) => v.open && (userId === undefined || v.userId === userId));
  }

  home(teamId: string, userId: string): StoredView | undefined {
    const id = this.homes.get(`${teamId}:${userId}`);
    return id === undefined ? undefined : this.views.get(id);
  }

  openModal(definition: JsonObject, owner: Owner, now: number): StoredView {
    // Only one modal is visible per user: a new views.open replaces the previous stack.
    if (owner.userId !== undefined) for (const view of this.openModals(owner.userId)) view.open = false;
    const view = this.create('modal', definition, owner, now, null);
    this.stacks.push([view.id]);
    return view;
  }

  /** The stack views.push would land on, or undefined when no modal is open for it. */
  stackFor(trigger: TriggerOptions, teamId: string): string[] | undefined {
    const open = this.stacks.filter((stack) => this.views.get(stack[0]!)?.open);
    const mine = open.filter((stack) => this.views.get(stack[0]!)?.teamId === teamId);
    if (trigger.viewId !== undefined) return mine.find((stack) => stack.includes(trigger.viewId!));
    const users = mine.filter(
      (stack) => trigger.userId === undefined || this.views.get(stack[0]!)?.userId === trigger.userId,
    );
    return users.at(-1);
  }

  push(stack: string[], definition: JsonObject, owner: Owner, now: number): StoredView {
    const top = this.views.get(stack.at(-1)!)!;
    const view = this.create('modal', definition, { ...owner, userId: top.userId }, now, top.id, stack[0]!);
    stack.push(view.id);
    return view;
  }

  update(view: StoredView, definition: JsonObject, now: number): StoredView {
    view.definition = definition;
    view.externalId = typeof definition.external_id === 'string' ? definition.external_id : '';
    view.hash = this.newHash(now);
    return view;
  }

  publishHome(definition: JsonObject, owner: Owner & { userId: string }, now: number): StoredView {
    const existing = this.home(owner.teamId, owner.userId);
    if (existing) return this.update(existing, definition, now);
    const view = this.create('home', definition, owner, now, null);
    this.homes.set(`${owner.teamId}:${owner.userId}`, view.id);
    return view;
  }

  /** The user closed the modal (or the app answered response_action: clear). */
  closeStackOf(viewId: string): void {
    const stack = this.stacks.find((s) => s.includes(viewId));
    for (const id of stack ?? []) {
      const view = this.views.get(id);
      if (view) view.open = false;
    }
  }

  private create(
    type: 'modal' | 'home',
    definition: JsonObject,
    owner: Owner,
    now: number,
    previousViewId: string | null,
    rootViewId?: string,
  ): StoredView {
    this.counter += 1;
    const id = `VX${this.counter.toString(36).toUpperCase().padStart(7, '0')}`;
    const view: StoredView = {
      id,
      teamId: owner.teamId,
      userId: owner.userId,
      type,
      hash: this.newHash(now),
      rootViewId: rootViewId ?? id,
      previousViewId,
      externalId: typeof definition.external_id === 'string' ? definition.external_id : '',
      definition,
      open: true,
      appId: owner.appId,
      botId: owner.botId,
    };
    this.views.set(id, view);
    return view;
  }

  private newHash(now: number): string {
    this.counter += 1;
    return `${Math.floor(now / 1000)}.${this.counter.toString(36).padStart(8, '0')}`;
  }
}

/** The view object as views.* return it (and as interaction payloads carry it). */
export function viewToApi(view: StoredView): JsonObject {
  const d = view.definition;
  return {
    id: view.id,
    team_id: view.teamId,
    type: view.type,
    blocks: d.blocks ?? [],
    private_metadata: d.private_metadata ?? '',
    callback_id: d.callback_id ?? '',
    state: { values: {} },
    hash: view.hash,
    ...(view.type === 'modal' ? { title: d.title } : {}),
    clear_on_close: d.clear_on_close ?? false,
    notify_on_close: d.notify_on_close ?? false,
    close: d.close ?? null,
    submit: d.submit ?? null,
    previous_view_id: view.previousViewId,
    root_view_id: view.rootViewId,
    app_id: view.appId,
    external_id: view.externalId,
    app_installed_team_id: view.teamId,
    bot_id: view.botId,
  };
}
