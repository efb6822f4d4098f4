import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { isCommonPassword } from "./common-passwords";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address, e.g. admin@example.com");
export const nameSchema = z.string().trim().min(1, "Enter a name").max(100, "Keep the name under 100 characters");
// The forms say what this enforces: keep NEW_PASSWORD_HELP (password-help.ts) in step.
export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters")
  .refine((p) => new Set(p).size >= 6, "Use a less repetitive password (at least 6 different characters)")
  .refine((p) => !isCommonPassword(p), "This is one of the most commonly used passwords; choose one that is not");

export const ownerSetupSchema = z
  .object({ name: nameSchema, email: emailSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });

export const assignableRoleSchema = z.enum(ROLES).refine((r) => r !== "owner", "There is exactly one owner");

export const addUserSchema = z.object({ name: nameSchema, email: emailSchema, role: assignableRoleSchema });
export const userIdSchema = z.object({ userId: z.string().min(1) });
export const changeRoleSchema = z.object({ userId: z.string().min(1), role: assignableRoleSchema });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password").max(1024), newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
