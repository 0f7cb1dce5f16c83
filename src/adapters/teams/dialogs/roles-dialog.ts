import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { assertOwner } from '../../../core/shared/actor.js';
import { ValidationError } from '../../../core/shared/errors.js';
import { personName, presentPeople, ROLE_NAMES } from '../../../core/views/people-view.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { rolesDialogCard } from '../cards/roles-dialog-card.js';
import type { TeamsDeps } from '../deps.js';
import { RoleField as R } from '../ids.js';
import { truncate } from '../limits.js';
import type { SubmitOutcome } from './log-submit.js';

type Values = Record<string, string | undefined>;

/** People and roles, read fresh: an admin deciding on roles must not look at a cached list. */
export async function openRolesDialog(tenant: Tenant, deps: TeamsDeps): Promise<IAdaptiveCard> {
  assertOwner(tenant.actor);
  return rolesDialogCard(presentPeople(await deps.container.workspaces.listMembers(tenant.actor)));
}

/** Half a change is refused before anything is written, like Slack's settings form. */
function missingHalf(person: string, role: string): Record<string, string> | undefined {
  if (!person && !role) return { userId: 'Choose a person and the role to give them.' };
  if (!person) return { userId: 'Choose whose role changes.' };
  if (!role) return { role: 'Choose the role to give this person.' };
  return undefined;
}

/**
 * F17 role change submitted (admins only): the core checks the role and keeps the last admin;
 * the tenant caches hear of the change from the core, so it applies on the person's next message.
 */
export async function submitRolesDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  values: Values,
): Promise<SubmitOutcome> {
  assertOwner(tenant.actor);
  const { workspaces } = deps.container;
  const person = values[R.person]?.trim() ?? '';
  const role = values[R.role]?.trim() ?? '';
  const kept = { [R.person]: person, [R.role]: role };
  const invalid = async (errors: Record<string, string>): Promise<SubmitOutcome> => ({
    kind: 'invalid',
    card: rolesDialogCard(presentPeople(await workspaces.listMembers(tenant.actor)), kept, errors),
  });
  const problem = missingHalf(person, role);
  if (problem) return invalid(problem);
  try {
    const member = await workspaces.setRole(tenant.actor, { userId: person, role });
    const who = member.userId === tenant.actor.userId ? 'You are' : `${truncate(personName(member), 100)} is`;
    return { kind: 'done', message: `${who} now ${ROLE_NAMES[member.role]}.` };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return invalid(error.fieldErrors);
  }
}
