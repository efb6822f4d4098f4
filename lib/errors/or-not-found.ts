import { notFound } from "next/navigation";
import { AppError } from "./app-error";

/** For pages: what `load` finds, or the 404 page when it reports notFound; other errors go on to error.tsx. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.kind === "notFound") notFound();
    throw error;
  }
}
