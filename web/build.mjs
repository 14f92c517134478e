// Bundles the web app into one folder that Maven puts on the classpath (served at / by `sitrep serve`).
// Usage: node build.mjs OUTPUT_DIR
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js', style: 'src/style.css' },
  bundle: true,
  minify: true,
  outdir: out,
  target: 'es2020',
  // Leaflet's CSS refers to a few small icons: inlined, so the page needs nothing but its own two files.
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));
