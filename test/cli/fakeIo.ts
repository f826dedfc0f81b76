import type { CliIo } from '../../src/cli/CliIo';

/** A CliIo that records output and serves files from memory. */
export interface FakeIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly files: Map<string, string>;
}

/** An in-memory outside world with the given files; the clock advances 1 ms per reading. */
export function fakeIo(files: Record<string, string> = {}, errIsTerminal = false): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map(Object.entries(files));
  let clock = 0;
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    errIsTerminal,
    readFile: (path) => {
      const text = store.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: (path, text) => store.set(path, text),
    now: () => (clock += 1),
    heapUsed: () => 64 * 2 ** 20,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    files: store,
  };
}
