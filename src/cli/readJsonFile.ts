/**
 * JSON documents named on the command line, read through {@link CliIo}.
 *
 * @module
 */
import { documentKind } from '../ecs/documentKind';
import { UsageError, type CliIo } from './CliIo';
import { readTextFile } from './readTextFile';
import { visible } from './visible';

/**
 * Reads and parses a JSON file (one leading byte order mark dropped, as
 * {@link readTextFile} does: JSON.parse would refuse it).
 *
 * @param io - the outside world
 * @param file - the file's path, as the user gave it
 * @param label - what the file is, for messages, such as `the --instances file`
 * @returns the parsed document
 * @throws {@link UsageError} when the file cannot be read or is not JSON
 */
export function readJsonFile(io: CliIo, file: string, label: string): unknown {
  const json = readTextFile(io, file, label);
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    // The program reads JSON only; a YAML template is a common slip, and converting it is one command.
    const hint = documentKind(json) === 'cloudformation' ? ' It looks like a CloudFormation template in YAML: convert it to JSON first, for example with cfn-flip (cfn-flip template.yaml > template.json).' : '';
    throw new UsageError(`${label.charAt(0).toUpperCase()}${label.slice(1)} ${visible(file)} is not valid JSON: ${(error as Error).message}${hint}`);
  }
}
