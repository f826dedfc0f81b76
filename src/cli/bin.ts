/**
 * The executable: runs the program on this process's arguments.
 *
 * @module
 */
import { main, processIo } from './main';

process.exitCode = main(process.argv.slice(2), processIo());
