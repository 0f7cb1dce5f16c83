/**
 * Typed readers for result rows: each column is narrowed to what the schema stores, and a
 * value of another type (a file written by something else) fails loudly instead of leaking
 * into the core as the wrong type.
 */
export type Row = Record<string, unknown>;

export class RowShapeError extends Error {}

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new RowShapeError(`Column ${column} is not text`);
  return value;
}

export function optionalText(row: Row, column: string): string | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw new RowShapeError(`Column ${column} is not text`);
  return value;
}

export function integer(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new RowShapeError(`Column ${column} is not a number`);
}

export function optionalInteger(row: Row, column: string): number | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : integer(row, column);
}

export function bool(row: Row, column: string): boolean {
  return integer(row, column) !== 0;
}

export function optionalBool(row: Row, column: string): boolean | undefined {
  const value = optionalInteger(row, column);
  return value === undefined ? undefined : value !== 0;
}

export function date(row: Row, column: string): Date {
  return new Date(integer(row, column));
}

export function optionalDate(row: Row, column: string): Date | undefined {
  const value = optionalInteger(row, column);
  return value === undefined ? undefined : new Date(value);
}

export function stringList(row: Row, column: string): string[] {
  const stored = text(row, column);
  if (stored === '[]') return []; // no parse for the common empty list
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed)) throw new RowShapeError(`Column ${column} is not a list of text`);
  for (const item of parsed) {
    if (typeof item !== 'string') throw new RowShapeError(`Column ${column} is not a list of text`);
  }
  return parsed;
}

/** Values bound to a statement: undefined is stored as NULL. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function ms(value: Date | undefined): number | null {
  return value === undefined ? null : value.getTime();
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
