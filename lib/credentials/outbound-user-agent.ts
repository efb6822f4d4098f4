import "server-only";
import app from "@/package.json";

/** What every outbound request says it is: the app's name and version (package.json is the one source). */
export const OUTBOUND_USER_AGENT = `${app.name}/${app.version}`;
