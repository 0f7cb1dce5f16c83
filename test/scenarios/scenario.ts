/**
 * The neutral vocabulary of the scenario tables: what a person does and what they should then
 * read, in words that belong to neither Slack nor Teams. A driver turns a step into requests to
 * the real app over HTTP and reports what the person saw; the runner checks it against the row.
 */

export type Platform = 'slack' | 'teams';

/** alice installed the app (owner), bob is a member, vera a viewer. */
export type Person = 'alice' | 'bob' | 'vera';

/** Given before the rows run, through the core's use cases (the same ones the adapters call). */
export interface Given {
  contacts: string[];
  /** Interactions already in the log, oldest first unless `hoursAgo` says otherwise. */
  interactions?: {
    contact: string;
    type: string;
    description: string;
    by?: Person;
    hoursAgo?: number;
    /** A follow-up for its author, due this many minutes from now (negative: overdue). */
    followUpInMinutes?: number;
  }[];
  /** A second workspace with its own contact and interaction, for tenant isolation. */
  otherWorkspace?: { contact: string; description: string };
}

export type Step =
  /** The log form (Slack modal, Teams dialog), submitted. `at` is a day (YYYY-MM-DD) and time. */
  | {
      step: 'log';
      as: Person;
      contacts: string[];
      /** One of the workspace's types, or with `newType` a type typed on the spot. */
      type: string;
      newType?: boolean;
      description: string;
      at?: { day: string; time: string };
      followUp?: { day: string; time: string };
    }
  /** The log form opened with nothing but its defaults changed. */
  | { step: 'openLogForm'; as: Person }
  /** The workspace settings form (Slack: the command opens it; Teams: the command's button does). */
  | { step: 'settings'; as: Person }
  /** The same command text on both platforms (`/interaction <text>`, a message to the bot). */
  | { step: 'command'; as: Person; text: string }
  | { step: 'timeline'; as: Person; contact: string }
  /** "Older" on the last timeline or list the person was shown. */
  | { step: 'older'; as: Person }
  | { step: 'newer'; as: Person }
  /** Edit the interaction with this description, from the last timeline or list shown. */
  | { step: 'edit'; as: Person; item: string; description: string; at?: { day: string; time: string } }
  /** Open the edit form only (no submit): refused early for someone who may not edit. */
  | { step: 'openEdit'; as: Person; item: string }
  | { step: 'delete'; as: Person; item: string }
  /** The follow-up reminder about this contact reaches its assignee, at its time (the scheduler's part). */
  | { step: 'reminder'; as: Person; contact: string }
  /** Slack's App Home tab, opened. */
  | { step: 'home'; as: Person }
  /** The person's follow-ups list, then a button on the row of this contact. */
  | { step: 'followups'; as: Person }
  | { step: 'followUpDone'; as: Person; contact: string }
  | { step: 'followUpSnooze'; as: Person; contact: string }
  | { step: 'followUpLog'; as: Person; contact: string; type: string; description: string }
  /** The same buttons, carrying the id of the other workspace's interaction or contact. */
  | { step: 'foreign'; as: Person; action: 'timeline' | 'edit' | 'delete' | 'followUpDone' };

/**
 * What the person must have read after the step. Every `mentions` entry must appear verbatim,
 * no `absent` entry may.
 */
export type Expectation = ExpectedOutcome & { absent?: string[] };

type ExpectedOutcome =
  /** The write went through and the person was told so. */
  | { expect: 'confirmed'; mentions?: string[] }
  /** Nothing was written and the person was told why, in these words. */
  | { expect: 'refused'; mentions: string[] }
  /** A timeline or list: these descriptions (of those logged in the table), in this order. */
  | { expect: 'items'; descriptions: string[]; mentions?: string[] }
  /** A form was opened, showing these words. */
  | { expect: 'form'; mentions?: string[] }
  /** A CSV the person can open: its data rows hold these descriptions, in any order. */
  | { expect: 'csv'; descriptions: string[]; mentions?: string[] }
  /** Any answer that mentions these words (reports, help). */
  | { expect: 'said'; mentions: string[] }
  /** The control the step needs is not on the person's screen at all (not shown to them). */
  | { expect: 'notOffered' };

/** A row on one platform is either run, known to fail (a gap to close), or impossible there. */
export interface RowMarks {
  /** The platform lacks it for now: the row runs and must fail, so closing the gap flags it. */
  todo?: Partial<Record<Platform, string>>;
  /** The platform cannot do this at all: the row says why and does not run. */
  skip?: Partial<Record<Platform, string>>;
}

export type Row = [Step, Expectation, RowMarks?];

export interface Table {
  feature: string;
  given: Given;
  rows: Row[];
}

/** What a person saw as the outcome of one step, gathered from every surface it reached. */
export interface Observation {
  /** Every text the person could read, in the order it arrived (messages, cards, forms, dialogs). */
  text: string;
  /** Reasons shown under form fields (Slack `response_action: errors`, a Teams dialog re-shown with errors). */
  formErrors: string[];
  /** A form (modal, dialog) opened or re-shown. */
  formOpened: boolean;
  /** Lines of a CSV file shared with the person (header first), when one was. */
  csv?: string[];
  /** The step could not be done: the button or choice it needs is not on screen. */
  notOffered?: string;
}

/** Thrown by a driver when the person cannot find the control a step needs. */
export class NotOffered extends Error {
  override readonly name = 'NotOffered';
}

/** Runs steps as a person would, on one platform, against the real app over HTTP. */
export interface Driver {
  readonly platform: Platform;
  /** The workspace, its people and what `given` names, written through the core's use cases. */
  prepare(given: Given): Promise<void>;
  perform(step: Step): Promise<Observation>;
}
