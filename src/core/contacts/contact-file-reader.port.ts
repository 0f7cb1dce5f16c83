/**
 * Reads an uploaded contact file (CSV) into import rows; a file that cannot be read as a whole
 * throws ImportFileError. Implemented in infra/csv; the composition root passes it in. A port of
 * its own so the contact services' deps (contact-records.ts) and the import that uses them
 * (contact-import.ts) both name it without importing each other.
 */
export type ContactFileReader = (file: Uint8Array) => AsyncIterable<ImportRow>;

export interface ImportRow {
  /** Line of the file the row starts on, for the report. */
  line: number;
  record: Record<string, string>;
}
