/**
 * JSON documents named on the command line, read through {@link CliIo}.
 *
 * @module
 */
import { UsageError, type CliIo } from './CliIo';

/**
 * Reads and parses a JSON file.
 *
 * @param io - the outside world
 * @param file - the file's path, as the user gave it
 * @param label - what the file is, for messages, such as `the --instances file`
 * @returns the parsed document
 * @throws {@link UsageError} when the file cannot be read or is not JSON
 */
export function readJsonFile(io: CliIo, file: string, label: string): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${label} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${label.charAt(0).toUpperCase()}${label.slice(1)} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
