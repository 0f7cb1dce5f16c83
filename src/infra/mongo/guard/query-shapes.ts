import type { IndexSpec } from '../indexes.js';

/**
 * What a read or write asks of an index: fields compared for equality ($eq, plain value,
 * $in), fields sorted on, and fields used in ranges or residual predicates.
 */
export interface QueryShape {
  collection: string;
  command: string;
  equality: string[];
  sort: [string, 1 | -1][];
  range: string[];
}

type Doc = Record<string, unknown>;
const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !('_bsontype' in value);

export function shapeOf(commandName: string, command: Doc): QueryShape | null {
  const collection = command[commandName];
  if (typeof collection !== 'string') return null;
  let filter: unknown;
  let sort: unknown;
  switch (commandName) {
    case 'find':
      filter = command.filter;
      sort = command.sort;
      break;
    case 'count':
    case 'distinct':
      filter = command.query;
      break;
    case 'findAndModify':
      filter = command.query;
      sort = command.sort;
      break;
    case 'aggregate': {
      const stages = Array.isArray(command.pipeline) ? command.pipeline : [];
      const first = stages[0];
      filter = isDoc(first) ? first.$match : undefined;
      const sortStage = stages.find(
        (stage) => isDoc(stage) && '$sort' in stage && stages.indexOf(stage) === 1,
      );
      sort = isDoc(sortStage) ? sortStage.$sort : undefined;
      break;
    }
    case 'update':
    case 'delete': {
      const statements = command[commandName === 'update' ? 'updates' : 'deletes'];
      const first = Array.isArray(statements) ? statements[0] : undefined;
      filter = isDoc(first) ? first.q : undefined;
      break;
    }
    default:
      return null;
  }
  const shape: QueryShape = { collection, command: commandName, equality: [], sort: [], range: [] };
  collectFilter(filter, shape, false);
  // The driver sends a find's sort as a Map (it keeps the key order); aggregate stages as documents.
  const sortEntries = sort instanceof Map ? [...sort.entries()] : isDoc(sort) ? Object.entries(sort) : [];
  for (const [field, direction] of sortEntries) shape.sort.push([String(field), direction === -1 ? -1 : 1]);
  shape.equality.sort();
  shape.range = [...new Set(shape.range)].sort();
  return shape;
}

function collectFilter(filter: unknown, shape: QueryShape, insideOr: boolean): void {
  if (!isDoc(filter)) return;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      for (const branch of Array.isArray(value) ? value : []) collectFilter(branch, shape, insideOr);
      continue;
    }
    if (key === '$or' || key === '$nor') {
      for (const branch of Array.isArray(value) ? value : []) collectFilter(branch, shape, true);
      continue;
    }
    const isEquality = !isDoc(value) || Object.keys(value).every((op) => op === '$eq' || op === '$in');
    if (isEquality && !insideOr) {
      if (!shape.equality.includes(key)) shape.equality.push(key);
    } else {
      shape.range.push(key);
    }
  }
}

/**
 * A shape is served when some index starts with equality fields of the query (at least the
 * tenant key on tenant collections), continues with the sort exactly (all directions equal or
 * all reversed), and the rest of the filter is a range or residual on that slice.
 * An _id equality is always served by the built-in _id index, and so is a walk of a whole
 * collection in _id order (`db copy`'s batches). A count of a whole collection (no filter)
 * is one too: it reads the _id index, never a sort.
 */
export function servingIndex(shape: QueryShape, indexes: IndexSpec[]): IndexSpec | '_id' | null {
  if (shape.equality.includes('_id')) return '_id';
  if (shape.equality.length === 0 && shape.range.every((field) => field === '_id')) {
    const walkInIdOrder = shape.sort.length > 0 && shape.sort.every(([field]) => field === '_id');
    const wholeCount = shape.sort.length === 0 && shape.range.length === 0 && shape.command !== 'find';
    if (walkInIdOrder || wholeCount) return '_id';
  }
  const candidates = indexes.filter((index) => index.collection === shape.collection);
  const tenantScoped = candidates.some((index) => 'workspaceId' in index.key);
  for (const index of candidates) {
    const keys = Object.entries(index.key);
    let position = 0;
    const consumed: string[] = [];
    while (position < keys.length && shape.equality.includes(keys[position]![0])) {
      consumed.push(keys[position]![0]);
      position++;
    }
    if (consumed.length === 0) continue;
    if (tenantScoped && !consumed.includes('workspaceId')) continue;
    const sort = shape.sort.filter(([field]) => !consumed.includes(field));
    if (sort.length > 0) {
      const slice = keys.slice(position, position + sort.length);
      if (slice.length < sort.length || slice.some(([field], i) => field !== sort[i]![0])) continue;
      const same = slice.every(([, direction], i) => direction === sort[i]![1]);
      const reversed = slice.every(([, direction], i) => direction === -sort[i]![1]);
      if (!same && !reversed) continue;
    }
    return index;
  }
  return null;
}

export function describeShape(shape: QueryShape): string {
  const sort = shape.sort.map(([field, direction]) => `${field}:${direction}`).join(',');
  return `${shape.collection}.${shape.command} eq[${shape.equality.join(',')}] sort[${sort}] range[${shape.range.join(',')}]`;
}
