// Bundles the Electron main process and the preload into dist-electron/*.cjs with Vite. Two separate
// builds: a sandboxed preload may only require('electron'), so it must be one self-contained file
// (a shared chunk with main would break it). CommonJS because package.json is "type": "module" and
// sandboxed preloads cannot be ES modules.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** @type {{ name: string; entry: string; first: boolean }[]} */
const targets = [
  { name: 'main', entry: 'electron/main.ts', first: true },
  { name: 'preload', entry: 'electron/preload.ts', first: false },
];
for (const { name, entry, first } of targets) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist-electron',
      emptyOutDir: first,
      target: 'node20',
      minify: false,
      sourcemap: true,
      lib: { entry, formats: ['cjs'], fileName: () => `${name}.cjs` },
      rolldownOptions: { external, platform: 'node' },
    },
  });
  console.log(`dist-electron/${name}.cjs`);
}
