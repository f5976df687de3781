/**
 * @nastavnik/indicators/duckdb — the indicators on DuckDB embedded
 * (`@duckdb/node-api`, an optional peer dependency needed only here): a
 * runner for the compiled SQL, and a bulk loader of an in-process dataset
 * into the data layout's tables.
 *
 * @packageDocumentation
 * @module @nastavnik/indicators/duckdb
 */
import {
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  dateValue,
  JSDuckDBValueConverter,
} from '@duckdb/node-api';
import { dayNumber } from '@nastavnik/core';
import type { SqlColumns, SqlRunner } from './sql';
import { type CellValue, type ColumnType, createTablesSql, datasetToRows, indicatorTables } from './tables';

/**
 * A {@link SqlRunner} over a DuckDB connection. Results come back column by
 * column ({@link SqlColumns}), read straight from DuckDB's vectors: the
 * country's millions of rolled-up breakdown rows never become row objects.
 *
 * @category DuckDB
 * @example
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * const results = await computeIndicatorsSql(duckDbRunner(connection), { dialect: 'duckdb', asOf, period });
 */
export function duckDbRunner(connection: DuckDBConnection): SqlRunner {
  return async (sql) => columnsOf(await connection.run(sql));
}

/**
 * A materialized result as columns. Numbers, strings and booleans are read
 * from the vectors as they are (BIGINT and HUGEINT as `bigint`); any other
 * value goes through DuckDB's own JS conversion, as `getRowObjectsJS` does.
 */
function columnsOf(result: DuckDBMaterializedResult): SqlColumns {
  const names = result.columnNames();
  const types = result.columnTypes();
  const columns = names.map((): unknown[] => []);
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const rows = chunk.rowCount;
    columns.forEach((out, j) => {
      const vector = chunk.getColumnVector(j);
      const type = types[j]!;
      for (let i = 0; i < rows; i++) {
        const item = vector.getItem(i);
        out.push(
          item === null || typeof item !== 'object'
            ? item
            : JSDuckDBValueConverter(item, type, JSDuckDBValueConverter),
        );
      }
    });
  }
  return {
    rowCount: columns[0]?.length ?? 0,
    columns: Object.fromEntries(names.map((name, j) => [name, columns[j]!])),
  };
}

function append(a: DuckDBAppender, v: CellValue, type: ColumnType): void {
  if (v === null) a.appendNull();
  else if (type === 'date') a.appendDate(dateValue(dayNumber(String(v))));
  else if (type === 'boolean') a.appendBoolean(Boolean(v));
  else if (type === 'integer') a.appendInteger(Number(v));
  else if (type === 'bigint') a.appendBigInt(BigInt(v as number));
  else if (type === 'double') a.appendDouble(Number(v));
  else a.appendVarchar(String(v));
}

/**
 * Create the data layout's tables in a DuckDB database and load a dataset
 * into them with DuckDB's appender (validated first: a `NastavnikError` on
 * bad input). For data that does not fit in process, write the tables as
 * Parquet files and read them with the `tables` option of the SQL engine.
 *
 * @category DuckDB
 * @example
 * await loadDatasetIntoDuckDb(connection, dataset);
 * const results = await computeIndicatorsSql(duckDbRunner(connection), { dialect: 'duckdb', asOf, period });
 */
export async function loadDatasetIntoDuckDb(connection: DuckDBConnection, dataset: unknown): Promise<void> {
  const rows = datasetToRows(dataset);
  for (const sql of createTablesSql('duckdb')) await connection.run(sql);
  for (const table of indicatorTables) {
    const appender = await connection.createAppender(table.name);
    for (const row of rows.get(table.name) ?? []) {
      row.forEach((v, i) => {
        append(appender, v, table.columns[i]!.type);
      });
      appender.endRow();
    }
    appender.closeSync();
  }
}

export { type SyntheticCountryOptions, syntheticCountrySql } from './country';
