/**
 * Exactly the bot scopes the code uses (the manifest test checks the manifest asks for these
 * and nothing more):
 * - commands: /interaction and the shortcuts
 * - chat:write: timelines, confirmations, reports, ephemeral errors
 * - im:write: conversations.open for reminder and confirmation DMs
 * - users:read: users.info for display names, time zones (typed times, snooze "tomorrow 9:00")
 *   and workspace roles (owners/admins start as owners, guests as viewers)
 * - files:write: CSV exports, .ics files (external upload flow)
 * - files:read: the attachments file_input in the log form
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'files:write',
  'files:read',
] as const;
