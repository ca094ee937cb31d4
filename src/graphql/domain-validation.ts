import { InputValidationError } from '@pothos/plugin-validation';
import { InvalidInputError } from '../groups/errors.js';

/**
 * The domain's own input refusals answered as the mutation's `ValidationError`, like the ones
 * its argument schemas find: a client meets one kind of validation failure, not two.
 */
export async function asValidationError<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new InputValidationError({ issues: error.issues.map((issue) => ({ message: issue.message, path: [...issue.path] })) });
    }
    throw error;
  }
}
