import { type Container, createContainer } from '../app/container.js';
import { openStorage } from '../app/open-storage.js';
import type { Actor } from '../core/shared/actor.js';
import type { Logger } from '../core/shared/ports.js';
import type { Workspace } from '../core/workspaces/workspace.js';
import { loadConfig } from '../infra/config/env.js';
import { type CliIo, stderrLogger } from './cli-io.js';

export interface CliContext {
  io: CliIo;
  logger: Logger;
  container: Container;
  workspace: Workspace;
  /** The CLI acts as a system owner of its `cli` workspace: it is run by whoever runs the server. */
  actor: Actor;
}

export const DEFAULT_CLI_WORKSPACE = 'default';

/**
 * Opens the store the app uses (MONGODB_URI, or the embedded store under DATA_DIR), resolves the
 * `cli` platform workspace keyed by --workspace, runs `task`, and always closes the database.
 */
export async function withCliContext<T>(
  io: CliIo,
  workspaceKey: string,
  task: (context: CliContext) => Promise<T>,
): Promise<T> {
  return withContainer(io, async (container, logger) => {
    const workspace = await container.workspaces.resolveWorkspace({
      platform: 'cli',
      externalId: workspaceKey,
      name: `CLI workspace ${workspaceKey}`,
    });
    const actor: Actor = {
      workspaceId: workspace.id,
      userId: 'cli',
      role: 'owner',
      displayName: 'Admin CLI',
    };
    return task({ io, logger, container, workspace, actor });
  });
}

/** Opens the database as the app does, runs `task` with the use cases, and always closes it. */
export async function withContainer<T>(
  io: CliIo,
  task: (container: Container, logger: Logger) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const logger = stderrLogger(io.stderr, io.env.LOG_LEVEL || 'warn');
  const storage = await openStorage(config, logger);
  try {
    return await task(createContainer(storage, { logger }), logger);
  } finally {
    await storage.close();
  }
}
