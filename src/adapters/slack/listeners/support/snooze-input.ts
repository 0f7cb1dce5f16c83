import type { WebClient } from '@slack/web-api';
import { type SnoozePreset, snoozeUntil } from '../../../../core/followups/follow-up.schemas.js';
import { ButtonValue, decodeValue, type SnoozePeriod } from '../../payloads/action-values.js';

const PRESETS: Record<SnoozePeriod, SnoozePreset> = {
  '1h': '1h',
  tomorrow: 'tomorrow',
  nextWeek: 'next-week',
};

/** The user's Slack time zone, or undefined when Slack cannot tell (the core's default applies). */
async function slackTimeZone(client: WebClient, userId: string): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.tz || undefined;
  } catch {
    return undefined;
  }
}

export type SnoozeInput =
  | { interactionId: string; until: Date }
  | { interactionId: string; preset: SnoozePreset };

/**
 * What a Snooze click (reminder DM, App Home, follow-ups list) asks the core for: "tomorrow"
 * is 9:00 where the clicking user is, when Slack knows their time zone; otherwise the core
 * reads the preset in the workspace's.
 */
export async function snoozeInputFrom(
  client: WebClient,
  userId: string,
  /** The button or option value as Slack sent it; decoded (and checked) here. */
  encodedValue: unknown,
  now: Date,
): Promise<SnoozeInput> {
  const { i, p } = decodeValue(ButtonValue.snooze, encodedValue);
  const zone = await slackTimeZone(client, userId);
  return zone
    ? { interactionId: i, until: snoozeUntil(PRESETS[p], now, zone) }
    : { interactionId: i, preset: PRESETS[p] };
}
