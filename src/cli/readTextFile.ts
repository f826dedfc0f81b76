/**
 * Text files named on the command line, read through {@link CliIo}.
 *
 * @module
 */
import type { CliIo } from './CliIo';
import { fileFailure } from './fileFailure';

/**
 * Reads a text file. One leading byte order mark is dropped, as editors on
 * Windows write one.
 *
 * @param io - the outside world
 * @param file - the file's path, as the user gave it
 * @param label - what the file is, for messages, such as `the --trace file`
 * @returns the text
 * @throws {@link UsageError} when the name is empty or the file cannot be read
 */
export function readTextFile(io: CliIo, file: string, label: string): string {
  // An empty name is a slip on the command line, whatever a file system would make of it.
  if (file === '') throw fileFailure('read', label, file, undefined);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw fileFailure('read', label, file, error);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
