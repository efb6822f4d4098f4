// What the API answers alike for the records it stores (monitors, alert destinations).
import { z } from "zod";

/** Who made the record and when, and its version (sent back with a change so a concurrent one is refused). */
export const recordStamps = { createdBy: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int() };
