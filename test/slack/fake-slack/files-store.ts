import type { StoredFile } from './types.js';

/** Files created by files.getUploadURLExternal, filled by the upload POST, shared on complete. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  clear(): void {
    this.files.clear();
    this.counter = 0;
  }

  create(file: Omit<StoredFile, 'id' | 'completed' | 'channels'>): StoredFile {
    this.counter += 1;
    const id = `FX${this.counter.toString(36).toUpperCase().padStart(8, '0')}`;
    const stored: StoredFile = { ...file, id, completed: false, channels: [] };
    this.files.set(id, stored);
    return stored;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  all(): StoredFile[] {
    return [...this.files.values()];
  }
}
