/**
 * Files that could not be read or written, said in one line.
 *
 * @module
 */
import { UsageError } from './CliIo';
import { visible } from './visible';

/** The causes people meet, in words; the code follows in parentheses for searching. */
const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  EIO: 'an input/output error',
};

/**
 * The message for a file that could not be read or written: what the file
 * is, its path, and the cause, such as
 * `Cannot write the --report file out/r.html: its directory does not exist (ENOENT).`
 *
 * @param action - what was tried
 * @param label - what the file is, such as `the --report file`
 * @param file - its path as the user gave it, if it has one
 * @param error - what `node:fs` (or the stream) raised
 * @returns the error to report, exit code 2
 */
export function fileFailure(action: 'read' | 'write', label: string, file: string | undefined, error: unknown): UsageError {
  const name = file === undefined || file === '' ? '' : ` ${visible(file)}`;
  return new UsageError(`Cannot ${action} ${label}${name}: ${file === '' ? 'the file name is empty' : causeOf(action, error)}.`);
}

function causeOf(action: 'read' | 'write', error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === undefined) return visible(message);
  // Writing, a missing file is created: what is missing is a directory.
  const cause = code === 'ENOENT' ? (action === 'read' ? 'no such file' : 'its directory does not exist') : CAUSES[code];
  // Node's own words otherwise, without the code and path it repeats: "EXDEV: cross-device link not permitted, open 'x'".
  const words = cause ?? message.replace(new RegExp(`^${code}: `), '').replace(/, \w+ '.*'$/s, '');
  return `${visible(words)} (${code})`;
}
