import { JumpCloudError } from "../errors";

/** Awaits a promise that must reject with a JumpCloudError, and returns that error for assertions. */
export async function rejection(promise: Promise<unknown>): Promise<JumpCloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JumpCloudError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}
