/**
 * The HTML page `--report` names, written through {@link CliIo}.
 *
 * @module
 */
import type { CliIo } from './CliIo';
import { fileFailure } from './fileFailure';

/**
 * Writes a report page.
 *
 * @param io - the outside world
 * @param file - the `--report` file, as the user gave it
 * @param html - the page
 * @throws {@link UsageError} when the file cannot be written
 */
export function writeReport(io: CliIo, file: string, html: string): void {
  try {
    io.writeFile(file, html);
  } catch (error) {
    throw fileFailure('write', 'the --report file', file, error);
  }
}
