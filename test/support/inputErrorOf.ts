import { PlacementInputError } from '../../src/model/PlacementInputError';

/** The code and path of the PlacementInputError that `run` throws; fails the test if it throws nothing or something else. */
export function inputErrorOf(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PlacementInputError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('expected a PlacementInputError');
}
