import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The app's Prisma client configuration, shared by the server and the command-line scripts. */
export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    // Secret columns are left out of every query unless a query asks for them by name: a forgotten `select`
    // can then never carry a ciphertext or a password hash to a page.
    omit: { credential: { secretEnvelope: true }, user: { passwordHash: true } },
  });
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
