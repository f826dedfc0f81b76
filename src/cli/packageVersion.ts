/**
 * The version the program reports, from the package's own package.json.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/**
 * Finds the version in `task-placement`'s package.json, the first one in the
 * directories above this module.
 *
 * @remarks
 * The file is looked for rather than imported: from source this module is
 * `src/cli/packageVersion.ts` (two levels below package.json), bundled it is
 * part of `dist/cli.js` (one level below), and an installed package keeps
 * package.json beside `dist/` too. Reading it, rather than copying the
 * version into the code, keeps one place to change it.
 *
 * @returns the version, such as `0.1.0`
 * @throws Error when no package.json of `task-placement` is found: the
 *   program was repackaged without it
 */
export function packageVersion(): string {
  for (let directory = new URL('./', import.meta.url); ; directory = new URL('../', directory)) {
    const manifest = readManifest(new URL('package.json', directory));
    if (manifest?.name === 'task-placement' && typeof manifest.version === 'string') return manifest.version;
    if (directory.pathname === '/') throw new Error(`No package.json of task-placement above ${new URL('./', import.meta.url).pathname}.`);
  }
}

function readManifest(file: URL): { readonly name?: unknown; readonly version?: unknown } | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof manifest === 'object' && manifest !== null ? manifest : undefined;
  } catch {
    // Not there, or not JSON: keep looking above.
    return undefined;
  }
}
