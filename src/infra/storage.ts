import type { InstallationStore } from '@slack/oauth';
import type { AuditRepository } from '../core/audit/audit.js';
import type { ContactRepository, OrganisationRepository } from '../core/contacts/contact.repository.port.js';
import type { ConversationRefRepository } from '../core/deliveries/conversation-ref.port.js';
import type { DeliveryRepository } from '../core/deliveries/delivery.repository.port.js';
import type { InteractionLookup } from '../core/followups/reminder-delivery.js';
import type { InteractionRepository } from '../core/interactions/interaction.repository.port.js';
import type { ClaimRepository } from '../core/shared/idempotency.port.js';
import type { MemberRepository, WorkspaceRepository } from '../core/workspaces/workspace.repository.port.js';

/** The repositories the core's use cases take (the container passes them on as they are). */
export interface CoreRepositories {
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  contacts: ContactRepository;
  organisations: OrganisationRepository;
  interactions: InteractionRepository;
  audit: AuditRepository;
  claims: ClaimRepository;
}

/**
 * Everything the app stores, as the core's ports: one engine (MongoDB or SQLite) opened by the
 * composition root. Nothing outside the engine's own folder sees how it stores them.
 */
export interface Storage {
  engine: 'mongodb' | 'sqlite';
  /** Where the data lives, for logs; credentials stripped. */
  description: string;
  repositories: CoreRepositories;
  deliveries: DeliveryRepository;
  /** Many interactions by id across workspaces, for the reminder dispatcher. */
  interactionLookup: InteractionLookup;
  conversationRefs: ConversationRefRepository;
  slackInstallations: InstallationStore;
  /** true when the store answers (GET /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
