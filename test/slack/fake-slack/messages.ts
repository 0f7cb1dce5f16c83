import type { EphemeralMessage, StoredMessage } from './types.js';

/** Messages per channel, in posting order. Deleted messages are removed. */
export class MessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();
  private readonly ephemeralByChannel = new Map<string, EphemeralMessage[]>();
  private readonly lastMicros = new Map<string, number>();

  clear(): void {
    this.byChannel.clear();
    this.ephemeralByChannel.clear();
    this.lastMicros.clear();
  }

  /**
   * A Slack ts ("seconds.micros") from the fake clock, strictly increasing per channel, so
   * two messages posted in the same millisecond still get distinct, ordered ts values.
   */
  nextTs(channel: string, nowMs: number): string {
    const candidate = nowMs * 1000;
    const last = this.lastMicros.get(channel) ?? 0;
    const micros = candidate > last ? candidate : last + 1;
    this.lastMicros.set(channel, micros);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  add(message: StoredMessage): StoredMessage {
    const list = this.byChannel.get(message.channel) ?? [];
    list.push(message);
    this.byChannel.set(message.channel, list);
    return message;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.byChannel.get(channel)?.find((m) => m.ts === ts);
  }

  remove(channel: string, ts: string): boolean {
    const list = this.byChannel.get(channel);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  list(channel: string): StoredMessage[] {
    return [...(this.byChannel.get(channel) ?? [])];
  }

  addEphemeral(message: EphemeralMessage): EphemeralMessage {
    const list = this.ephemeralByChannel.get(message.channel) ?? [];
    list.push(message);
    this.ephemeralByChannel.set(message.channel, list);
    return message;
  }

  ephemerals(channel: string): EphemeralMessage[] {
    return [...(this.ephemeralByChannel.get(channel) ?? [])];
  }
}
