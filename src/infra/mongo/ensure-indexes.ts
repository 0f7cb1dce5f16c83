import type { Db } from 'mongodb';
import type { Logger } from '../../core/shared/ports.js';
import { INDEXES, type IndexSpec } from './indexes.js';

export function indexName(spec: IndexSpec): string {
  return Object.entries(spec.key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

/** One createIndex call per index, so a single bad index is reported and the rest still exist. */
export async function ensureIndexes(db: Db, logger: Logger, specs: IndexSpec[] = INDEXES): Promise<void> {
  for (const spec of specs) {
    const options: { name: string; unique?: boolean; sparse?: boolean } = { name: indexName(spec) };
    if (spec.unique) options.unique = true;
    if (spec.sparse) options.sparse = true;
    try {
      await db.collection(spec.collection).createIndex(spec.key, options);
    } catch (error) {
      logger.error('Could not create index', {
        collection: spec.collection,
        index: options.name,
        error: String(error),
      });
      throw error;
    }
  }
}
