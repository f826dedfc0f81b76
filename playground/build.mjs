// Builds the playground: one self-contained HTML file, the library bundled
// into it with esbuild, so that opening the file works with no server and
// no network. `npm run playground` runs it; the browser test calls
// buildPlayground() itself, since a fresh clone has no dist.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Bundles playground/src/main.ts and writes playground/dist/index.html.
 *
 * @param {{ outdir?: string }} [options] - where to write (default playground/dist)
 * @returns {Promise<string>} the path of the page written
 */
export async function buildPlayground(options = {}) {
  const outdir = options.outdir ?? join(here, 'dist');
  const bundle = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  // esbuild escapes "</script" in strings; anything left would end the inline script early.
  if (/<\/script/i.test(script)) throw new Error('The bundle contains </script and cannot be inlined.');
  const style = readFileSync(join(here, 'src', 'styles.css'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
  const template = readFileSync(join(here, 'src', 'index.html'), 'utf8');
  // Functions, not strings, as replacements: a "$&" in the bundle must stay as it is.
  const html = template
    .replace('/*STYLE*/', () => style)
    .replace('{{VERSION}}', () => version)
    .replace('/*SCRIPT*/', () => script);
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.html');
  writeFileSync(file, html);
  return file;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = await buildPlayground();
  console.log(`Wrote ${file} (${Math.round(readFileSync(file).length / 1024)} KiB). Open it in a browser.`);
}
