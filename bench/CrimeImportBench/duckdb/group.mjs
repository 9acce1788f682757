// DuckDB (default settings) reads every *-street.csv under a folder with read_csv over a glob and groups the rows by
// month, LSOA code and crime type: the bar `saferplan crime import FOLDER` is measured against, as a whole process.
// Usage: node group.mjs FOLDER [--schema]   (prints the number of groups and the rows read)
// --schema: the columns given and detection off (auto_detect = false), so DuckDB does not sniff each file: at the size
// of a force-month its per-file sniffing is most of its time, and a user who knows the format would give it.
import { DuckDBInstance } from '@duckdb/node-api';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node group.mjs FOLDER');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const glob = `${folder.replace(/'/g, "''")}/**/*-street.csv`;
const columns = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code',
  'LSOA name', 'Crime type', 'Last outcome category', 'Context'];
const options = process.argv.includes('--schema')
  ? `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns.map(c => `'${c}': 'VARCHAR'`).join(', ')}}`
  : 'header = true';
const reader = await connection.runAndReadAll(`
  SELECT count(*) AS groups, sum(n) AS rows FROM (
    SELECT "Month", "LSOA code", "Crime type", count(*) AS n
    FROM read_csv('${glob}', ${options})
    GROUP BY ALL)`);
const [groups, rows] = reader.getRows()[0];
console.log(`${groups} groups, ${rows} rows`);
