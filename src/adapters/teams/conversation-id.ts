/**
 * A channel thread's conversation id is the channel's id plus `;messageid=<root post>`. The
 * channel is what a weekly report is posted to and what Teams' per-thread rate limits count.
 */
export function channelOfThread(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}
