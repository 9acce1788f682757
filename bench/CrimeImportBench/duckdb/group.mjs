// DuckDB (default settings) reads every *-street.csv under a folder with read_csv over a glob and groups the rows by
// month, LSOA code and crime type: the bar `saferplan crime import FOLDER` is measured against, as a whole process.
// Usage: node group.mjs FOLDER   (prints the number of groups and the rows read)
import { DuckDBInstance } from '@duckdb/node-api';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node group.mjs FOLDER');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const glob = `${folder.replace(/'/g, "''")}/**/*-street.csv`;
const reader = await connection.runAndReadAll(`
  SELECT count(*) AS groups, sum(n) AS rows FROM (
    SELECT "Month", "LSOA code", "Crime type", count(*) AS n
    FROM read_csv('${glob}', header = true)
    GROUP BY ALL)`);
const [groups, rows] = reader.getRows()[0];
console.log(`${groups} groups, ${rows} rows`);
