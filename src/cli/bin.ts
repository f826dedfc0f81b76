/**
 * The executable: runs the program on this process's arguments.
 *
 * @module
 */
import { main } from './main';
import { handleOutputErrors, processIo } from './processIo';

handleOutputErrors();
const io = processIo();
try {
  process.exitCode = main(process.argv.slice(2), io);
} catch (error) {
  // Input never gets here (main answers it with a message): this is a bug.
  // The stack stays visible for the report; the status is 2, as for every
  // failure, rather than Node's 1, which means "tasks left unplaced" here.
  io.err(`task-placement: internal error, a bug in task-placement; please report it with the command line that caused it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
