// Prints the size of every file in dist/assets and the total (raw and gzip).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
let files;
try {
  files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
} catch {
  console.error(`bundle-size: ${dir} not found; run \`npm run build\` first`);
  process.exit(1);
}
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
let raw = 0;
let gz = 0;
for (const f of files) {
  const buf = readFileSync(join(dir, f));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  console.log(`  ${f.padEnd(40)} ${kb(buf.length).padStart(11)}  gzip ${kb(g).padStart(10)}`);
}
console.log(`bundle total (dist/assets, ${files.length} files): ${kb(raw)}, gzip ${kb(gz)}`);
