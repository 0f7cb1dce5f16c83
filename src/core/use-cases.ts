import type { ContactService } from './contacts/contact.service.js';
import type { ConversationService } from './deliveries/conversation.service.js';
import type { ExportService } from './exports/export.service.js';
import type { FollowUpService } from './followups/follow-up.service.js';
import type { InteractionService } from './interactions/interaction.service.js';
import type { ReportService } from './reports/report.service.js';
import type { ExactlyOnceService } from './shared/exactly-once.js';
import type { Clock, IdGenerator, Logger } from './shared/ports.js';
import type { WorkspaceService } from './workspaces/workspace.service.js';
import type { WorkspaceChanges } from './workspaces/workspace-changes.js';

/**
 * Everything a chat adapter may call: the use cases, the clock, ids, the logger and the change
 * notices. The composition root (src/app/container.ts) builds one on a store; an adapter sees
 * only this type, never the store behind it.
 */
export interface UseCases {
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  workspaceChanges: WorkspaceChanges;
  workspaces: WorkspaceService;
  contacts: ContactService;
  interactions: InteractionService;
  followUps: FollowUpService;
  exports: ExportService;
  reports: ReportService;
  exactlyOnce: ExactlyOnceService;
  conversations: ConversationService;
}
