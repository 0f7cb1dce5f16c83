import type { SendResult } from '../core/deliveries/delivery.js';
import type { ReminderNotifier } from '../core/followups/reminder-delivery.js';
import type { ReportPublisher } from '../core/reports/report-delivery.js';
import type { Platform } from '../core/workspaces/workspace.js';
import type { WorkspaceRepository } from '../core/workspaces/workspace.repository.port.js';

export interface PlatformSenders {
  notifier: ReminderNotifier;
  publisher: ReportPublisher;
}

const notConfigured = (platform: string): SendResult => ({
  ok: false,
  permanent: false,
  reason: `${platform} is not configured in this process; the delivery is retried later.`,
});

/**
 * One notifier and one publisher for the scheduler, whatever the workspace's platform: the
 * delivery records, claims and retries stay platform-agnostic (core/deliveries), and each
 * send is routed to the adapter of the workspace it belongs to.
 */
export function routeByPlatform(
  workspaces: Pick<WorkspaceRepository, 'findById'>,
  senders: Partial<Record<Platform, PlatformSenders>>,
): PlatformSenders {
  // A workspace never changes platform, so each is read once per process (bounded).
  const known = new Map<string, Platform>();
  const platformOf = async (workspaceId: string): Promise<Platform | undefined> => {
    const cached = known.get(workspaceId);
    if (cached) return cached;
    const platform = (await workspaces.findById(workspaceId))?.platform;
    if (platform) {
      if (known.size >= 10_000) known.clear();
      known.set(workspaceId, platform);
    }
    return platform;
  };
  return {
    notifier: {
      async sendReminder(message) {
        const platform = await platformOf(message.workspaceId);
        const sender = platform ? senders[platform] : undefined;
        return sender
          ? sender.notifier.sendReminder(message)
          : notConfigured(platform ?? 'The workspace platform');
      },
    },
    publisher: {
      async publish(post) {
        const platform = await platformOf(post.workspaceId);
        const sender = platform ? senders[platform] : undefined;
        return sender ? sender.publisher.publish(post) : notConfigured(platform ?? 'The workspace platform');
      },
    },
  };
}
