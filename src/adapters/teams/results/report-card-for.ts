import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ReportPeriod } from '../../../core/commands/command-grammar.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { reportCard } from '../cards/report-card.js';
import { filterData } from '../cards/view-context.js';
import type { TeamsDeps } from '../deps.js';

/** F14 on demand: the same report as the weekly post, with its CSV behind a signed link. */
export async function reportCardFor(
  tenant: Tenant,
  deps: TeamsDeps,
  period: ReportPeriod,
): Promise<IAdaptiveCard> {
  const { container } = deps;
  const { report, late, onDemand, csvFilter } = await container.reports.onDemand(tenant.actor, period);
  const link = deps.files.create(
    { w: tenant.workspace.id, u: tenant.actor.userId, f: filterData(csvFilter) },
    container.clock.now(),
  );
  return reportCard(report, { late, onDemand, csvUrl: link.url });
}
