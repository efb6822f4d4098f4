import { AppError } from "@/lib/errors/app-error";

/** Awaits a promise that must reject with an AppError (the app's typed errors are ones), and returns it; anything else fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}
