import type { App } from '@slack/bolt';

type IdConstraint = string | RegExp;

/** What `app.action` / `app.options` were given: an action_id, or Bolt's constraint object. */
type Constraint = IdConstraint | { action_id?: IdConstraint; block_id?: IdConstraint; type?: string };

/** What `app.view` / `app.shortcut` were given: a callback_id, or Bolt's constraint object. */
type CallbackConstraint = IdConstraint | { callback_id?: IdConstraint; type?: string };

/** The ids of one block element (block_actions' first action, or a block_suggestion). */
export interface ElementIds {
  type: string;
  actionId: string;
  blockId: string;
}

/** The ids of a view submission or close (the view's callback_id) or a shortcut (its own). */
export interface CallbackIds {
  type: 'view_submission' | 'view_closed' | 'shortcut' | 'message_action';
  callbackId: string;
}

function idMatches(constraint: IdConstraint | undefined, id: string): boolean {
  if (constraint === undefined) return true;
  // As Bolt matches: equality for a string, String#match for a pattern.
  return typeof constraint === 'string' ? constraint === id : id.match(constraint) !== null;
}

function matches(constraint: Constraint, ids: ElementIds): boolean {
  if (typeof constraint === 'string' || constraint instanceof RegExp)
    return idMatches(constraint, ids.actionId);
  if (constraint.type !== undefined && constraint.type !== ids.type) return false;
  return idMatches(constraint.action_id, ids.actionId) && idMatches(constraint.block_id, ids.blockId);
}

/**
 * As Bolt reads a bare callback_id: `app.view('x')` listens for submissions only, and
 * `app.shortcut('x')` for both kinds of shortcut.
 */
function callbackMatches(constraint: CallbackConstraint, ids: CallbackIds, bareType?: string): boolean {
  if (typeof constraint === 'string' || constraint instanceof RegExp)
    return (bareType === undefined || bareType === ids.type) && idMatches(constraint, ids.callbackId);
  if (constraint.type !== undefined && constraint.type !== ids.type) return false;
  return idMatches(constraint.callback_id, ids.callbackId);
}

type Register<C> = (constraint: C, ...listeners: unknown[]) => void;

/** Wraps one of Bolt's registration methods so each constraint it is given is also kept in `into`. */
function recording<C>(register: Register<C>, into: C[]): Register<C> {
  return (constraint, ...listeners) => {
    into.push(constraint);
    register(constraint, ...listeners);
  };
}

/**
 * The ids the app listens for, read from the listeners themselves as they are registered (their
 * constraints name the ids of src/adapters/slack/ids.ts), so this list can never drift from what
 * Bolt routes. A click, search, form or shortcut no listener matches would get Bolt's 404 after
 * its 3-second wait and the person would see nothing; the parse step answers it instead.
 */
export class ListenedIds {
  private readonly actions: Constraint[] = [];
  private readonly options: Constraint[] = [];
  private readonly views: CallbackConstraint[] = [];
  private readonly shortcuts: CallbackConstraint[] = [];

  /** Records every later `app.action`, `app.options`, `app.view` and `app.shortcut`; call it before the listeners register. */
  watch(app: App): void {
    app.action = recording(app.action.bind(app) as Register<Constraint>, this.actions) as App['action'];
    app.options = recording(app.options.bind(app) as Register<Constraint>, this.options) as App['options'];
    app.view = recording(app.view.bind(app) as Register<CallbackConstraint>, this.views) as App['view'];
    app.shortcut = recording(
      app.shortcut.bind(app) as Register<CallbackConstraint>,
      this.shortcuts,
    ) as App['shortcut'];
  }

  hasAction(ids: ElementIds): boolean {
    return this.actions.some((constraint) => matches(constraint, ids));
  }

  hasOptions(ids: ElementIds): boolean {
    return this.options.some((constraint) => matches(constraint, ids));
  }

  hasCallback(ids: CallbackIds): boolean {
    if (ids.type === 'view_submission' || ids.type === 'view_closed')
      return this.views.some((constraint) => callbackMatches(constraint, ids, 'view_submission'));
    return this.shortcuts.some((constraint) => callbackMatches(constraint, ids));
  }
}
