import type { App } from '@slack/bolt';

type IdConstraint = string | RegExp;

/** What `app.action` / `app.options` were given: an action_id, or Bolt's constraint object. */
type Constraint = IdConstraint | { action_id?: IdConstraint; block_id?: IdConstraint; type?: string };

/** The ids of one block element (block_actions' first action, or a block_suggestion). */
export interface ElementIds {
  type: string;
  actionId: string;
  blockId: string;
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
 * The block element ids the app listens for, read from the listeners themselves as they are
 * registered (their constraints name the ids of src/adapters/slack/ids.ts), so this list can never
 * drift from what Bolt routes. A click or search no listener matches would get Bolt's 404 after
 * its 3-second wait and the person would see nothing; the parse step answers it instead.
 */
export class ListenedIds {
  private readonly actions: Constraint[] = [];
  private readonly options: Constraint[] = [];

  /** Records every later `app.action` and `app.options`; call it before the listeners register. */
  watch(app: App): void {
    const action = app.action.bind(app) as (constraint: Constraint, ...listeners: unknown[]) => void;
    const options = app.options.bind(app) as (constraint: Constraint, ...listeners: unknown[]) => void;
    const recordingAction = (constraint: Constraint, ...listeners: unknown[]) => {
      this.actions.push(constraint);
      action(constraint, ...listeners);
    };
    const recordingOptions = (constraint: Constraint, ...listeners: unknown[]) => {
      this.options.push(constraint);
      options(constraint, ...listeners);
    };
    app.action = recordingAction as App['action'];
    app.options = recordingOptions as App['options'];
  }

  hasAction(ids: ElementIds): boolean {
    return this.actions.some((constraint) => matches(constraint, ids));
  }

  hasOptions(ids: ElementIds): boolean {
    return this.options.some((constraint) => matches(constraint, ids));
  }
}
