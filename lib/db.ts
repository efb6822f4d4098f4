import "server-only";
import { createPrismaClient, type AppPrismaClient } from "@/lib/database/prisma-client";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: AppPrismaClient };

function client(): AppPrismaClient {
  if (!globalForPrisma.prisma) {
    const connectionString = env().DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which resolves the database.");
    globalForPrisma.prisma = createPrismaClient(connectionString);
  }
  return globalForPrisma.prisma;
}

/**
 * The app's single Prisma client, created on first use so that importing a module during `next build`
 * never needs a database.
 */
export const db: AppPrismaClient = new Proxy({} as AppPrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
