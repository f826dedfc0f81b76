/**
 * JSON documents named on the command line, read through {@link CliIo}.
 *
 * @module
 */
import { UsageError, type CliIo } from './CliIo';
import { fileFailure } from './fileFailure';
import { visible } from './visible';

/**
 * Reads and parses a JSON file. One leading byte order mark is dropped, as
 * editors on Windows write one and JSON.parse refuses it.
 *
 * @param io - the outside world
 * @param file - the file's path, as the user gave it
 * @param label - what the file is, for messages, such as `the --instances file`
 * @returns the parsed document
 * @throws {@link UsageError} when the file cannot be read or is not JSON
 */
export function readJsonFile(io: CliIo, file: string, label: string): unknown {
  // An empty name is a slip on the command line, whatever a file system would make of it.
  if (file === '') throw fileFailure('read', label, file, undefined);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw fileFailure('read', label, file, error);
  }
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new UsageError(`${label.charAt(0).toUpperCase()}${label.slice(1)} ${visible(file)} is not valid JSON: ${(error as Error).message}`);
  }
}
