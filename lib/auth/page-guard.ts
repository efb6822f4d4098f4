import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentUser, type SessionUser } from "./guard";
import { hasRole, type Role } from "./roles";

/** For pages: signed out -> sign-in, one-time password -> change it, role too low -> the 403 page. */
export async function requirePageUser(atLeast: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect("/change-password");
  if (!hasRole(user.role, atLeast)) forbidden();
  return user;
}
