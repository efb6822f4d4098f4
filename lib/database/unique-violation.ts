import { Prisma } from "@/lib/generated/prisma/client";

/** Whether a write failed on a unique index; on a name column, the name is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs `write`; a unique-index violation becomes `refusal()` (a name already taken), any other error passes on. */
export async function refusingUniqueViolation<T>(refusal: () => Error, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal();
    throw error;
  }
}
