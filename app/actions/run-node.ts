"use server";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { toRunOutcome } from "@/lib/node-configs/run-outcome";
import { inputDataSchema, nodeConfigSchema } from "@/lib/nodes/node-config";
import { AppError } from "@/lib/errors/app-error";
import { executeNode } from "@/lib/runs/execute-node";

const runSchema = z.object({
  config: nodeConfigSchema,
  input: inputDataSchema.optional(),
  credentialId: z.string().min(1).optional(),
  /** Set when the builder shows a saved node, so the run is listed under it (the config may be unsaved edits). */
  nodeConfigId: z.string().min(1).optional(),
  nodeName: z.string().max(200).optional(),
});

/**
 * Runs through executeNode, the HTTP API's code path; a failed run is a result to show, not a refusal.
 * No revalidatePath: the runs pages render on every request, and a refresh here would remount the builder.
 */
export const runNode = guardedAction({ role: "editor", input: runSchema }, async (request, context) => {
  try {
    const result = await executeNode(
      {
        config: request.config,
        input: request.input,
        ...(request.credentialId ? { credential: { id: request.credentialId } } : {}),
        ...(request.nodeConfigId ? { nodeConfigId: request.nodeConfigId } : {}),
        ...(request.nodeName ? { nodeName: request.nodeName } : {}),
        via: "builder",
      },
      context,
    );
    return toRunOutcome(result);
  } catch (error) {
    // A run that failed was recorded (it has a runId): a result to show. Refusals before that stay refusals.
    if (error instanceof AppError && error.runId) return toRunOutcome(error);
    throw error;
  }
});
