import type { ContactRepository, OrganisationRepository } from '../contacts/contact.repository.port.js';
import type { Interaction } from '../interactions/interaction.js';
import type { InteractionRepository } from '../interactions/interaction.repository.port.js';
import type { InteractionFilter } from '../interactions/interaction-filter.js';
import { parseInteractionFilter } from '../interactions/list-interactions.js';
import type { Actor } from '../shared/actor.js';
import { ErrorCode, NotFoundError } from '../shared/errors.js';
import { type Clock, type Logger, silentLogger } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import type { CsvEncoder } from './csv-encoder.port.js';
import { createDateFormatter, type DateFormatter } from './date-format.js';
import { exportInputSchema } from './export.schemas.js';
import { buildRow, EXPORT_HEADER } from './export-columns.js';
import { ExportLookups } from './export-lookups.js';

export interface ExportDeps {
  interactions: InteractionRepository;
  contacts: ContactRepository;
  organisations: OrganisationRepository;
  workspaces: WorkspaceRepository;
  csv: CsvEncoder;
  clock: Clock;
  logger?: Logger;
  /** Interactions per contact lookup (one findByIds each). */
  batchSize?: number;
  /** Contacts kept in the lookup cache; bounds memory whatever the row count. */
  cacheSize?: number;
}

export interface ExportResult {
  filename: string;
  /** CSV text (UTF-8), produced lazily as it is read; read it once. */
  stream: AsyncIterable<string | Buffer>;
  /** Rows produced so far: the final count once `stream` has been read to the end. */
  rowCount(): number;
  /** Resolves to the final row count when the stream ends; rejects if it fails or is abandoned. */
  done: Promise<number>;
}

export class ExportAbandonedError extends Error {
  constructor(rows: number) {
    super(`The export stopped after ${rows} rows before reaching the end.`);
  }
}

const DEFAULT_BATCH_SIZE = 500;
/**
 * Contacts kept while exporting: a workspace of 20,000 contacts fits (about 10 MB), so a large
 * export reads each contact once instead of again whenever the LRU cache has dropped it.
 */
const DEFAULT_CACHE_SIZE = 50_000;

export function createExportService(deps: ExportDeps) {
  const logger = deps.logger ?? silentLogger;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  // The cache must hold a whole batch, or a batch could evict its own contacts.
  const cacheSize = Math.max(deps.cacheSize ?? DEFAULT_CACHE_SIZE, batchSize * 2);

  /** One array of CSV rows per batch: the encoder awaits once per batch, not once per row. */
  async function* rowsOf(
    workspace: Workspace,
    filter: InteractionFilter,
    now: Date,
    formatDate: DateFormatter,
    counter: { rows: number },
  ): AsyncGenerator<string[][]> {
    const lookups = new ExportLookups(workspace.id, deps, cacheSize);
    const rowsFor = async (batch: Interaction[]): Promise<string[][]> => {
      const { contacts, organisationNames } = await lookups.load(batch);
      const rows = new Array<string[]>(batch.length);
      for (let index = 0; index < batch.length; index++) {
        rows[index] = buildRow({
          interaction: batch[index]!,
          contact: contacts[index] ?? null,
          organisationName: organisationNames[index] ?? '',
          formatDate,
          now,
        });
      }
      counter.rows += rows.length;
      return rows;
    };
    for await (const batch of deps.interactions.stream(workspace.id, filter, now, batchSize)) {
      yield await rowsFor(batch);
    }
  }

  /** Wraps the CSV output so `done` settles exactly once, however the reader stops. */
  async function* tracked(
    output: AsyncIterable<string | Buffer>,
    counter: { rows: number },
    settle: { resolve(rows: number): void; reject(error: unknown): void },
    context: Record<string, unknown>,
  ): AsyncGenerator<string | Buffer> {
    let finished = false;
    try {
      yield* output;
      finished = true;
      settle.resolve(counter.rows);
      logger.info('Export finished', { ...context, rows: counter.rows });
    } catch (error) {
      finished = true;
      settle.reject(error);
      logger.error('Export failed', { ...context, rows: counter.rows, error: String(error) });
      throw error;
    } finally {
      if (!finished) settle.reject(new ExportAbandonedError(counter.rows));
    }
  }

  return {
    /**
     * F15: every interaction matching the filters (not one page), oldest first, as CSV.
     * Any role may export: it is a read. Dates are shown in the workspace timezone and format.
     */
    async exportInteractions(actor: Actor, input: unknown): Promise<ExportResult> {
      const parsed = parseInput(exportInputSchema, input ?? {});
      const workspace = await deps.workspaces.findById(actor.workspaceId);
      if (!workspace)
        throw new NotFoundError(ErrorCode.WorkspaceNotFound, 'This workspace is not set up yet.');
      // Normalised like the list: empty lists and blank text mean "no filter".
      const filter = parseInteractionFilter(parsed.filter);
      const now = deps.clock.now();
      const { timezone, dateFormat } = workspace.settings;
      const formatDate = createDateFormatter(dateFormat, timezone);
      const counter = { rows: 0 };
      let settle!: { resolve(rows: number): void; reject(error: unknown): void };
      const done = new Promise<number>((resolve, reject) => {
        settle = { resolve, reject };
      });
      // Callers that only read the stream must not crash the process with an unhandled rejection.
      done.catch(() => {});
      const output = deps.csv.encode(EXPORT_HEADER, rowsOf(workspace, filter, now, formatDate, counter));
      const context = { workspaceId: workspace.id, userId: actor.userId };
      return {
        filename: exportFilename(filter, now, timezone),
        stream: tracked(output, counter, settle, context),
        rowCount: () => counter.rows,
        done,
      };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;

/** interactions-2026-10-19_2026-10-25.csv for a range (end inclusive), else today's date. */
export function exportFilename(filter: InteractionFilter, now: Date, timeZone: string): string {
  const day = createDateFormatter('yyyy-MM-dd', timeZone);
  const from = filter.from ? day(filter.from) : undefined;
  const to = filter.to ? day(new Date(filter.to.getTime() - 1)) : undefined;
  if (from && to) return `interactions-${from}_${to}.csv`;
  if (from) return `interactions-from-${from}.csv`;
  if (to) return `interactions-until-${to}.csv`;
  return `interactions-${day(now)}.csv`;
}
