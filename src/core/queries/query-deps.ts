import type { NaturalDateParser } from '../commands/command-grammar.js';
import type { ContactService } from '../contacts/contact.service.js';
import type { InteractionService } from '../interactions/interaction.service.js';
import type { Clock } from '../shared/ports.js';
import type { WorkspaceService } from '../workspaces/workspace.service.js';

/**
 * What the chat-surface queries (timelines, lists, filters) read. Both adapters' deps satisfy
 * it structurally, so Slack and Teams resolve "timeline ann" and "list by:@ann" the same way.
 */
export interface QueryDeps {
  container: {
    contacts: ContactService;
    workspaces: WorkspaceService;
    interactions: InteractionService;
    clock: Clock;
  };
  parseDate: NaturalDateParser;
}

/** Older/newer paging of a timeline or list message, as carried by its buttons. */
export interface PageRequest {
  cursor?: string;
  direction?: 'older' | 'newer';
}
