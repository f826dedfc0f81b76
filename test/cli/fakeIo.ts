import type { CliIo } from '../../src/cli/CliIo';

/** A CliIo that records output and serves files from memory. */
export interface FakeIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly files: Map<string, string>;
}

/** How the fake terminal looks. */
export interface FakeTerminal {
  /** Whether standard error is a terminal (progress is shown only then); false by default. */
  readonly errIsTerminal?: boolean;
  /** The width of standard output; unbounded by default, so that no line is wrapped. */
  readonly columns?: number;
}

/** An error as `node:fs` raises it: a message and a code such as `ENOENT`. */
export function fsError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** An in-memory outside world with the given files; the clock advances 1 ms per reading. */
export function fakeIo(files: Record<string, string> = {}, { errIsTerminal = false, columns = Number.POSITIVE_INFINITY }: FakeTerminal = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const store = new Map(Object.entries(files));
  let clock = 0;
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    errIsTerminal,
    columns,
    readFile: (path) => {
      const text = store.get(path);
      if (text === undefined) throw fsError('ENOENT', `no such file or directory, open '${path}'`);
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
