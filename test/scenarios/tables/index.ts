import type { Table } from '../scenario.js';
import { badInput } from './bad-input.js';
import { deleteTable } from './delete.js';
import { edit } from './edit.js';
import { exportTable } from './export.js';
import { followUps } from './follow-ups.js';
import { listFilters } from './list-filters.js';
import { logMany } from './log-many.js';
import { logOne } from './log-one.js';
import { report } from './report.js';
import { roles } from './roles.js';
import { tenantIsolation } from './tenant-isolation.js';
import { timelinePaging } from './timeline-paging.js';

export const TABLES: Table[] = [
  logOne,
  logMany,
  edit,
  deleteTable,
  timelinePaging,
  listFilters,
  exportTable,
  report,
  followUps,
  roles,
  tenantIsolation,
  badInput,
];
