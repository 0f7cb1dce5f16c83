/**
 * The `/interaction` grammar in words, shared by the Slack help message, the Teams help card
 * and error hints, so the help can never drift from what the parser accepts.
 */
export interface HelpEntry {
  /** After the command name, e.g. `log [contact…]`. */
  usage: string;
  description: string;
}

export const COMMAND_HELP: readonly HelpEntry[] = [
  { usage: 'help', description: 'Show this help.' },
  {
    usage: 'log [contact…]',
    description: 'Log an interaction. Contacts named here (name or email, comma-separated) are preselected.',
  },
  {
    usage: 'log <contacts> <type> "<description>"',
    description:
      'Log in one line, no form: log Cohen, Dan Ross Call "Discussed the class". Add at:"yesterday 10:30", follow-up:"next monday 9:00", actions:"To call back", important.',
  },
  { usage: 'timeline <contact>', description: "Show a contact's interactions, newest first." },
  { usage: 'list [filters]', description: 'Search every interaction. Without filters, a filter form opens.' },
  { usage: 'export [filters]', description: 'Post a CSV of every interaction matching the filters.' },
  {
    usage: 'report [last week | this week | YYYY-MM-DD..YYYY-MM-DD]',
    description: 'Activity report for a period (default: last week).',
  },
  { usage: 'followups', description: 'Your open and overdue follow-ups.' },
  { usage: 'contact add | find <text> | import', description: 'Add, find or import contacts.' },
  {
    usage: 'settings',
    description:
      "Workspace settings and people's roles (admins): types, actions, time zone, weekly report, and who reads, logs or administers.",
  },
];

export const FILTER_HELP: readonly HelpEntry[] = [
  { usage: 'type:Call', description: 'Interaction type; several with commas: type:Call,Visit' },
  { usage: 'action:"To call back"', description: 'Action performed' },
  { usage: 'by:@someone', description: 'Author (by:me for yourself)' },
  { usage: 'contact:"Yossi Lévy"', description: 'Part of the contact name' },
  { usage: 'address:"Rue Haute"', description: 'Part of the visit address' },
  { usage: 'org:"Acme"', description: 'Organisation' },
  { usage: 'from:2026-11-01 to:2026-11-15', description: 'Dates, both days included' },
  { usage: 'from:"last monday"', description: 'Dates in words, on your own clock' },
  { usage: 'important', description: 'High importance only' },
  { usage: 'has:files', description: 'With attachments' },
  { usage: 'followup:open|overdue|done|none', description: 'Follow-up status' },
  { usage: 'sort:date|type', description: 'Order of the results' },
  { usage: 'any other words', description: 'Searched in descriptions ("quote" a phrase)' },
];

/** One-line reminder of the filter syntax, used under every filter error. */
export const FILTER_SYNTAX =
  'type:Call action:"To call back" by:@someone contact:"Name" address:"Street" org:"Acme" from:2026-11-01 to:"last friday" important has:files followup:open|overdue|done sort:date|type words…';
