/**
 * Turns rows of plain strings into CSV text. Implemented in infra (src/infra/csv); the core
 * decides which cells exist and neutralises them, the encoder only quotes and joins.
 */
export interface CsvEncoder {
  /**
   * Encodes the header then every row, lazily: rows come in batches (one await per batch, not
   * per row), pulled only as fast as the consumer reads the output, and stopping early
   * (break / destroy) stops pulling rows.
   */
  encode(header: readonly string[], batches: AsyncIterable<string[][]>): AsyncIterable<string | Buffer>;
}
