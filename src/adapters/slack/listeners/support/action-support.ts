import type { BlockAction } from '@slack/bolt';
import type { InteractionFilter } from '../../../../core/interactions/interaction-filter.js';
import type { ResultQuery } from '../../../../core/queries/result-query.js';
import type { TimelineRef } from '../../../../core/queries/timeline-subject.js';
import { ButtonValue, decodeValue, filterFromValue } from '../../payloads/action-values.js';

/** Where a clicked message lives. Ephemeral messages come with `container` only, no `message`. */
export function messageOf(body: BlockAction): { channelId?: string; messageTs?: string } {
  const channelId = body.channel?.id ?? stringField(body.container, 'channel_id');
  const messageTs = body.message?.ts ?? stringField(body.container, 'message_ts');
  return { ...(channelId ? { channelId } : {}), ...(messageTs ? { messageTs } : {}) };
}

function stringField(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A list button's value: the whole query, so a click re-runs it exactly, and the page boundary. */
export function listValueOf(raw: unknown): ResultQuery & { cursor?: string } {
  const value = decodeValue(ButtonValue.list, raw);
  return { filter: filterFromValue(value.f), sort: value.s, ...(value.c ? { cursor: value.c } : {}) };
}

/** A timeline button's value: the subject and, for paging, the boundary. */
export function timelineValueOf(raw: unknown): { ref: TimelineRef; cursor?: string } {
  const value = decodeValue(ButtonValue.timeline, raw);
  return { ref: { k: value.k, s: value.s }, ...(value.c ? { cursor: value.c } : {}) };
}

/** The timeline's export covers the whole subject: the contact, or all of the organisation's contacts. */
export function timelineFilter(ref: TimelineRef): InteractionFilter {
  return ref.k === 'contact' ? { contactIds: [ref.s] } : { organisationId: ref.s };
}
