/**
 * Client-side guard for the MongoDB subset that both MongoDB ≥ 4.4 and FerretDB 1.24 serve
 * the same way (docs/mongodb-subset.md). Each function inspects one command as the driver
 * sends it and returns the rules it breaks; the test suite fails on any.
 */
type Doc = Record<string, unknown>;

const ALLOWED_STAGES = new Set([
  '$match',
  '$group',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$unwind',
  '$project',
  '$addFields',
]);
const ALLOWED_ACCUMULATORS = new Set(['$sum', '$count']);
const BANNED_QUERY_OPERATORS = new Set([
  '$expr',
  '$where',
  '$jsonSchema',
  '$text',
  '$near',
  '$geoWithin',
  '$geoIntersects',
]);
const BANNED_UPDATE_MODIFIERS = new Set(['$slice', '$sort', '$position']);
const ALLOWED_UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$setOnInsert',
  '$bit',
  '$pop',
  '$pullAll',
  '$addToSet',
  '$push',
  '$pull',
]);
const BANNED_INDEX_OPTIONS = [
  'expireAfterSeconds',
  'partialFilterExpression',
  'hidden',
  'collation',
  'weights',
  'wildcardProjection',
];

function isDoc(value: unknown): value is Doc {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !isBsonValue(value)
  );
}

function isBsonValue(value: object): boolean {
  return '_bsontype' in value || value instanceof RegExp || value instanceof Uint8Array;
}

export function checkCommand(name: string, command: Doc): string[] {
  const problems: string[] = [];
  if ('collation' in command) problems.push(`${name}: collation is not portable`);
  if ('startTransaction' in command || 'autocommit' in command)
    problems.push(`${name}: transactions are not portable`);
  switch (name) {
    case 'find':
    case 'count':
    case 'distinct':
      problems.push(...checkFilter(command.filter ?? command.query));
      break;
    case 'aggregate':
      problems.push(...checkPipeline(command.pipeline));
      break;
    case 'findAndModify':
      if (command.fields !== undefined)
        problems.push('findAndModify: projection (fields) is rejected by FerretDB');
      if (command.arrayFilters !== undefined) problems.push('findAndModify: arrayFilters are not portable');
      problems.push(...checkFilter(command.query));
      if (command.update !== undefined) problems.push(...checkUpdate(command.update));
      break;
    case 'update':
      for (const statement of asArray(command.updates)) {
        if (!isDoc(statement)) continue;
        if (statement.arrayFilters !== undefined) problems.push('update: arrayFilters are not portable');
        if ('collation' in statement) problems.push('update: collation is not portable');
        problems.push(...checkFilter(statement.q), ...checkUpdate(statement.u));
      }
      break;
    case 'delete':
      for (const statement of asArray(command.deletes)) {
        if (isDoc(statement)) problems.push(...checkFilter(statement.q));
      }
      break;
    case 'insert':
      for (const document of asArray(command.documents))
        problems.push(...checkDocumentKeys(document, 'insert'));
      break;
    case 'createIndexes':
      for (const index of asArray(command.indexes)) {
        if (!isDoc(index)) continue;
        for (const option of BANNED_INDEX_OPTIONS) {
          if (option in index) problems.push(`createIndexes: ${option} is not portable`);
        }
        for (const direction of Object.values(isDoc(index.key) ? index.key : {})) {
          if (direction !== 1 && direction !== -1)
            problems.push(`createIndexes: index type ${String(direction)} is not portable`);
        }
      }
      break;
    case 'create':
      for (const option of ['timeseries', 'expireAfterSeconds', 'validator', 'viewOn', 'clusteredIndex']) {
        if (option in command) problems.push(`create: ${option} is not portable`);
      }
      break;
    default:
      break;
  }
  return problems;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function checkFilter(filter: unknown): string[] {
  if (!isDoc(filter)) return [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (BANNED_QUERY_OPERATORS.has(key)) problems.push(`query operator ${key} is not portable`);
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const branch of asArray(value)) problems.push(...checkFilter(branch));
      continue;
    }
    if (!isDoc(value)) continue;
    for (const [operator, operand] of Object.entries(value)) {
      if (BANNED_QUERY_OPERATORS.has(operator)) problems.push(`query operator ${operator} is not portable`);
      if (
        operator === '$elemMatch' &&
        isDoc(operand) &&
        Object.keys(operand).some((k) => !k.startsWith('$'))
      ) {
        problems.push(`$elemMatch on sub-documents (${key}) never matches on FerretDB; use dot paths`);
      }
      if (operator === '$options' && typeof operand === 'string' && /[^ims]/.test(operand)) {
        problems.push(`regex options "${operand}" are not portable (only i, m, s)`);
      }
      if (operator === '$regex' && typeof operand === 'string' && /\(\?[=!<]|\\[1-9]/.test(operand)) {
        problems.push('regex look-around or back-references are not RE2-compatible');
      }
    }
  }
  return problems;
}

export function checkUpdate(update: unknown): string[] {
  if (Array.isArray(update)) return ['pipeline-style updates are not portable'];
  if (!isDoc(update)) return [];
  const operators = Object.keys(update).filter((key) => key.startsWith('$'));
  if (operators.length === 0) return checkDocumentKeys(update, 'replacement');
  const problems: string[] = [];
  for (const operator of operators) {
    if (!ALLOWED_UPDATE_OPERATORS.has(operator)) problems.push(`update operator ${operator} is not portable`);
    const fields = update[operator];
    if (!isDoc(fields)) continue;
    for (const [path, value] of Object.entries(fields)) {
      if (/(^|\.)\$(\[[^\]]*\])?(\.|$)/.test(path))
        problems.push(`positional update path ${path} is not portable`);
      if (
        operator === '$push' &&
        isDoc(value) &&
        Object.keys(value).some((k) => BANNED_UPDATE_MODIFIERS.has(k))
      ) {
        problems.push(`$push modifiers on ${path} are silently ignored by FerretDB`);
      }
      if (operator === '$pull' && (isDoc(value) || Array.isArray(value))) {
        problems.push(
          `$pull with a condition or document on ${path} is a no-op on FerretDB; reassign the array`,
        );
      }
      if (operator === '$set' || operator === '$setOnInsert')
        problems.push(...checkDocumentKeys(value, path));
    }
  }
  return problems;
}

export function checkPipeline(pipeline: unknown): string[] {
  const problems: string[] = [];
  for (const stage of asArray(pipeline)) {
    if (!isDoc(stage)) continue;
    for (const [name, body] of Object.entries(stage)) {
      if (!ALLOWED_STAGES.has(name)) problems.push(`aggregation stage ${name} is not portable`);
      if (name === '$match') problems.push(...checkFilter(body));
      if (name === '$unwind' && typeof body !== 'string') problems.push('$unwind must use the string form');
      if (name === '$group' && isDoc(body)) {
        for (const [field, accumulator] of Object.entries(body)) {
          if (field === '_id' || !isDoc(accumulator)) continue;
          for (const op of Object.keys(accumulator)) {
            if (!ALLOWED_ACCUMULATORS.has(op)) problems.push(`accumulator ${op} is not portable`);
          }
        }
      }
      if ((name === '$project' || name === '$addFields') && isDoc(body)) {
        for (const value of Object.values(body)) {
          if (isDoc(value)) problems.push(`${name} expressions are not portable; use plain field references`);
        }
      }
    }
  }
  return problems;
}

/** No "." or leading "$" in keys, no arrays inside arrays, at any depth. */
export function checkDocumentKeys(value: unknown, where: string): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string, parentIsArray: boolean): void => {
    if (Array.isArray(node)) {
      if (parentIsArray) problems.push(`${where}: nested array at ${path} is not portable`);
      for (const [index, item] of node.entries()) visit(item, `${path}.${index}`, true);
      return;
    }
    if (!isDoc(node)) {
      if (typeof node === 'number' && !Number.isFinite(node))
        problems.push(`${where}: non-finite number at ${path}`);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key.includes('.') || key.startsWith('$'))
        problems.push(`${where}: key "${key}" at ${path} is not portable`);
      visit(child, path ? `${path}.${key}` : key, false);
    }
  };
  visit(value, '', false);
  return problems;
}
