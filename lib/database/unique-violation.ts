import { Prisma } from "@/lib/generated/prisma/client";

/** Whether a write failed on a unique index; on a name column, the name is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
