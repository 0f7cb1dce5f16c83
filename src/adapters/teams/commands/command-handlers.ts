import type { ActivityLike } from '@microsoft/teams.api';
import type { CommandHandlers } from '../../../core/commands/command-dispatch.js';
import { logFromLine } from '../../../core/commands/log-line.js';
import { resolveFilterSpec } from '../../../core/queries/result-query.js';
import { findTimelineSubject, namedContacts } from '../../../core/queries/timeline-subject.js';
import { assertCanWrite, canWrite } from '../../../core/shared/actor.js';
import { FOLLOW_UP_LIST_QUERY, presentFollowUpList } from '../../../core/views/follow-up-list-view.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { parseNaturalMoment } from '../../shared/natural-dates.js';
import { adaptiveCard, execute, openDialog, text } from '../cards/card-kit.js';
import { contactResultsCard, logPromptCard } from '../cards/contact-cards.js';
import { filterPromptCard } from '../cards/filter-dialog-card.js';
import { followUpsCard } from '../cards/followups-card.js';
import { commandErrorCard, helpCard } from '../cards/help-card.js';
import { loggedCard } from '../cards/logged-card.js';
import { pickerCard } from '../cards/picker-card.js';
import type { TeamsDeps } from '../deps.js';
import { Dialog, Verb } from '../ids.js';
import { userText } from '../limits.js';
import { reportCardFor } from '../results/report-card-for.js';
import { exportCardFor, listCardFor, timelineCardFor } from '../results/result-cards.js';

const CONTACT_RESULTS_MAX = 10;

/** The message a command came in: its id keys a one-line log, so a redelivery logs nothing more. */
export interface CommandOrigin {
  conversationId: string;
  activityId: string;
}

/**
 * The shared grammar's subcommands for Teams: each parses nothing itself (the core did), calls
 * the same use cases as Slack and answers with one card or sentence for the conversation —
 * or nothing, for a one-line log Teams delivered again.
 */
export function teamsCommandHandlers(
  tenant: Tenant,
  deps: TeamsDeps,
  origin: CommandOrigin,
): CommandHandlers<ActivityLike | undefined> {
  const { container } = deps;
  const { actor } = tenant;
  return {
    help: async () => helpCard(canWrite(actor)),
    async log(queries) {
      assertCanWrite(actor);
      const { contacts, unresolved } = await namedContacts(tenant, deps, queries);
      return logPromptCard(contacts, unresolved);
    },
    async logLine(line) {
      const outcome = await logFromLine(tenant, deps, line, {
        idempotencyKey: `teams-line:${origin.conversationId}:${origin.activityId}`,
        parseMoment: parseNaturalMoment,
      });
      // A replay confirms again ("Already logged"): the first reply may never have gone out.
      return loggedCard(outcome.result, actor);
    },
    async timeline(query) {
      const match = await findTimelineSubject(tenant, deps, query);
      switch (match.kind) {
        case 'one':
          return timelineCardFor(tenant, deps, match.ref, {}, match.contact);
        case 'many':
          return pickerCard(query, match.candidates);
        case 'none':
          return `No ${match.what} matches “${userText(match.name, 100)}”. Try part of the name or an email address.`;
      }
    },
    async list(filter, hasFilters) {
      // A bare `list` asks for filters first, as the shared help says (and Slack does).
      if (!hasFilters) return filterPromptCard();
      return listCardFor(tenant, deps, await resolveFilterSpec(filter, tenant, deps));
    },
    async export(filter) {
      return exportCardFor(tenant, deps, await resolveFilterSpec(filter, tenant, deps));
    },
    report: (period) => reportCardFor(tenant, deps, period),
    async followups() {
      const interactions = await container.followUps.listMyFollowUps(actor, FOLLOW_UP_LIST_QUERY);
      const list = presentFollowUpList(actor, interactions, container.clock.now());
      return followUpsCard(list, personalTime(tenant));
    },
    async contact(sub, query) {
      switch (sub) {
        case 'add':
          assertCanWrite(actor);
          return adaptiveCard(
            [text('Add a contact', { weight: 'Bolder' })],
            [
              openDialog('Open the contact form', Dialog.contactAdd),
              // Clients without dialogs (the Agents Playground) get the form in this card.
              execute('Add here', Verb.contactHere),
            ],
          );
        case 'find': {
          if (!query?.trim()) return 'Type what to look for: `contact find ann` or `contact find acme.org`.';
          const contacts = await container.contacts.findContacts(actor, {
            text: query,
            limit: CONTACT_RESULTS_MAX,
          });
          return contactResultsCard(query, contacts, canWrite(actor));
        }
        case 'import':
          assertCanWrite(actor);
          return 'To import contacts, attach a CSV file to a message to me in our personal chat with the words `contact import` (columns: first name, last name, email, phone, organisation).';
      }
    },
    async settings() {
      await container.workspaces.requireOwner(actor);
      return adaptiveCard(
        [
          text('Workspace settings', { weight: 'Bolder' }),
          text(
            'Lists, time zone, weekly report and the role of newcomers; or who is an admin, a member or a viewer.',
          ),
        ],
        [openDialog('Open settings', Dialog.settings), openDialog('People and roles', Dialog.roles)],
      );
    },
    syntaxError: async (error) => commandErrorCard(error),
  };
}
