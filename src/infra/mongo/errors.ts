/** Duplicate key: the one server error the app matches on by code (never by message). */
export const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === DUPLICATE_KEY) return true;
  // Bulk writes report per-document errors.
  if ('writeErrors' in error && Array.isArray(error.writeErrors)) {
    return (
      error.writeErrors.length > 0 &&
      error.writeErrors.every((e: { code?: number }) => e.code === DUPLICATE_KEY)
    );
  }
  return false;
}
