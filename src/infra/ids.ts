import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '../core/shared/ports.js';

/**
 * Time-ordered ids (48-bit ms timestamp + 80 random bits, hex): unique across processes,
 * and sorting by id roughly follows creation order, which keeps tie-breaks stable.
 */
export const timeOrderedIds: IdGenerator = {
  next() {
    const time = Date.now().toString(16).padStart(12, '0');
    return time + randomBytes(10).toString('hex');
  },
};
