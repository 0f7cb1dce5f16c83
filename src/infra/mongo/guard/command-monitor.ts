import type { CommandStartedEvent, MongoClient } from 'mongodb';
import { checkCommand } from './portability-rules.js';
import { type QueryShape, shapeOf } from './query-shapes.js';

const IGNORED = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'endSessions',
  'buildInfo',
  'listIndexes',
  'listCollections',
  'getMore',
  'killCursors',
  'dropDatabase',
  'drop',
]);

/** Collects portability violations and query shapes from a client's command monitoring. */
export class CommandMonitor {
  readonly violations: string[] = [];
  readonly shapes = new Map<string, QueryShape>();

  attach(client: MongoClient): void {
    client.on('commandStarted', (event: CommandStartedEvent) => this.observe(event));
  }

  observe(event: CommandStartedEvent): void {
    if (IGNORED.has(event.commandName)) return;
    const command = event.command as Record<string, unknown>;
    for (const problem of checkCommand(event.commandName, command)) this.violations.push(problem);
    const shape = shapeOf(event.commandName, command);
    if (shape) this.shapes.set(JSON.stringify(shape), shape);
  }
}
