// Builds the dashboard into dist/: index.html, app.js (the bundle) and app.css. The silo's build copies
// these three files into its wwwroot (see silo/ZhijiangLive.Silo/ZhijiangLive.Silo.csproj).
// `node build.mjs --watch` rebuilds on every change.
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');

const options = {
  // main.js imports styles.css, so the bundle comes with app.css beside app.js.
  entryPoints: { app: join(root, 'src/main.js') },
  outdir: dist,
  bundle: true,
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  format: 'esm',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
};

await mkdir(dist, { recursive: true });
// Written, not copied: a copy could keep the source's older time, and MSBuild would build again every time.
await writeFile(join(dist, 'index.html'), await readFile(join(root, 'src/index.html')));

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('dashboard: watching src/ (index.html is copied at start only)');
} else {
  await esbuild.build(options);
  console.log('dashboard: built dist/index.html, dist/app.js, dist/app.css');
}
