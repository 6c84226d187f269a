// Generates src/app/generated/openapi.ts from the backend's OpenAPI schema (`npm run gen:api`),
// or, with --check, fails when the committed file differs from what the schema generates now
// (`npm run check:api`, part of `make test`). The schema comes from `python -m backend openapi`
// (no server is started) or from --schema FILE.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(frontend, '..');
const target = join(frontend, 'src', 'app', 'generated', 'openapi.ts');
const HEADER = `/**
 * Generated from the OpenAPI schema of the LoRA Studio backend (\`python -m backend openapi\`) by
 * openapi-typescript: run \`npm run gen:api\` after changing a backend schema. Do not edit by hand;
 * \`npm run check:api\` (in \`make test\`) fails when this file is stale.
 */
`;

const args = process.argv.slice(2);
const check = args.includes('--check');
const schemaArg = args.indexOf('--schema');
const out = args.indexOf('--out');
const file = out >= 0 ? resolve(args[out + 1]) : target;

function python() {
  if (process.env.PYTHON) return process.env.PYTHON;
  const venv = join(repo, '.venv', 'bin', 'python');
  return existsSync(venv) ? venv : 'python3';
}

function loadSchema() {
  if (schemaArg >= 0) return JSON.parse(readFileSync(resolve(args[schemaArg + 1]), 'utf8'));
  const text = execFileSync(python(), ['-m', 'backend', 'openapi'], {
    cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PYTHONPATH: [repo, process.env.PYTHONPATH].filter(Boolean).join(':') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(text);
}

// defaultNonNullable: false — a field with a default may be absent from a response (exclude_unset).
const ast = await openapiTS(loadSchema(), { alphabetize: false, defaultNonNullable: false });
const generated = HEADER + astToString(ast);

if (check) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== generated) {
    console.error(`check:api: ${file} is stale: the OpenAPI schema has changed. Run \`npm run gen:api\` and commit it.`);
    process.exit(1);
  }
  console.log(`check:api: ${file} matches the OpenAPI schema`);
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generated);
  console.log(`gen:api: wrote ${file}`);
}
