import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Waits one turn of the event loop after an ack, so the requests already waiting on their
 * sockets are read, verified and acknowledged before this one's work (searches, rendering,
 * the reply) runs. `await ack()` resumes as a microtask, ahead of any waiting I/O: under a
 * burst of commands each ack queued behind the work of every command that came before it,
 * and acks are what Slack times out at 3 seconds; the work has 30 minutes.
 */
export function afterAck(): Promise<void> {
  return nextTurn();
}
