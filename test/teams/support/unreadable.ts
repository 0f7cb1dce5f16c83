import { expect } from 'vitest';
import type { Container } from '../../../src/app/container.js';
import type { Logger } from '../../../src/core/shared/ports.js';
import type { TeamsWorld } from './seed.js';
import { BOT_ID, TENANT, type TeamsHttpResponse } from './teams-app.js';

/** The sentence every unreadable form answers with (the card variant adds "out of date"). */
export const UNREADABLE = 'That form could not be read — please close it and open it again.';
export const CARD_UNREADABLE = 'That form could not be read — this card may be out of date.';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  context: Record<string, unknown>;
}

/** Every line the app logs, kept in order, so a test can count what one request logged. */
export function recordingLogger(): { logger: Logger; lines: LogLine[]; since(mark: number): LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, context: Record<string, unknown> = {}) =>
      lines.push({ level, message, context });
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
    since: (mark) => lines.slice(mark).filter((line) => line.level !== 'debug'),
  };
}

/** Someone the tenant has never seen: if anything resolved them, they would now be a member. */
export const MALLORY = {
  id: '29:mallory',
  name: 'Mallory Unknown',
  aadObjectId: '00000000-0000-4000-8000-0000000000ff',
};
export const MALLORY_CHAT = 'a:personal-mallory';

/** A Teams activity from Mallory in her own chat, with whatever fields the test adds. */
export function fromMallory(serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `mallory-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    from: MALLORY,
    recipient: { id: BOT_ID, name: 'Interaction log' },
    conversation: { id: MALLORY_CHAT, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

/** What the store holds, read through the use cases: any write would change it. */
export async function storeSnapshot(container: Container, world: TeamsWorld) {
  const alice = world.actors.alice;
  const interactions = await container.interactions.listInteractions(alice, {});
  const members = await container.workspaces.listMembers(alice);
  return {
    interactions: interactions.total,
    interactionIds: interactions.items.map((item) => item.id).sort(),
    mallory: await container.contacts.findContacts(alice, { text: 'Mallory', limit: 10 }),
    members: members.map((member) => `${member.userId}:${member.role}`).sort(),
    settings: await container.workspaces.getSettings(alice),
  };
}

/**
 * The refusal's invariants: HTTP 200, exactly one log line for it (a warning with a reference id,
 * the surface, the refused paths and nothing of the payload), and the reference the person sees.
 */
export function expectOneRefusalLogged(
  response: TeamsHttpResponse,
  logged: LogLine[],
  said: string,
  secret?: string,
): string {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(logged, JSON.stringify(logged)).toHaveLength(1);
  const [line] = logged;
  expect(line?.level).toBe('warn');
  const referenceId = String(line?.context.referenceId);
  expect(referenceId).toMatch(/^[0-9A-F]{8}$/);
  const issues = line?.context.issues as { path: string; code: string }[];
  expect(issues.length).toBeGreaterThan(0);
  if (said) expect(said).toContain(`Reference: ${referenceId}`);
  if (secret) expect(JSON.stringify(line)).not.toContain(secret);
  return referenceId;
}
