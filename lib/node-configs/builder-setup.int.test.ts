// What the builder page hands a browser (its RSC payload): a viewer gets each credential's id, name and auth type,
// never its settings (organization, base URL, client id, System Context system id), nor the allowed hosts.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { GuardContext } from "@/lib/auth/guard";
import { createCredential } from "@/lib/credentials/credential-store";
import { db } from "@/lib/db";
import { builderSetup } from "./builder-setup";

const ORG = "6019e7803f227aabf38d00a0";
const SYSTEM = "5a1b2c3d4e5f67890abcdef1";
const CLIENT = "viewer-must-not-see-client-id";
let context: GuardContext;

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `setup-${randomBytes(4).toString("hex")}@example.com`, name: "Setup", passwordHash: "x", role: "admin" } });
  context = { user: { id: user.id, email: user.email, name: user.name, role: "admin", mustChangePassword: false }, ip: "127.0.0.1" };
  const suffix = randomBytes(3).toString("hex");
  await createCredential({ name: `key-${suffix}`, description: "", service: "jumpcloud", authType: "apiKey", fields: { apiKey: "k".repeat(40), region: "eu", orgId: ORG } }, context);
  await createCredential({ name: `device-${suffix}`, description: "", service: "jumpcloud", authType: "systemContext", fields: { systemId: SYSTEM, privateKeyPem: "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", region: "us" } }, context);
  await createCredential({ name: `account-${suffix}`, description: "", service: "jumpcloud", authType: "serviceAccount", fields: { clientId: CLIENT, clientSecret: "s".repeat(40), region: "us" } }, context);
});

afterAll(async () => {
  await db.$disconnect();
});

it("a viewer's builder data holds id, name and auth type of each credential and nothing of its settings", async () => {
  const viewer = JSON.stringify(await builderSetup("viewer"));
  for (const setting of [ORG, SYSTEM, CLIENT, '"eu"']) expect(viewer).not.toContain(setting);
  const setup = await builderSetup("viewer");
  expect(setup.allowedOrigins).toEqual([]);
  for (const credential of setup.credentials) expect(Object.keys(credential).sort()).toEqual(["authType", "id", "name", "service", "settings"]);
  for (const credential of setup.credentials) expect(credential.settings).toEqual({});
  // An editor needs them for the request preview.
  const editor = JSON.stringify(await builderSetup("editor"));
  for (const setting of [ORG, SYSTEM, CLIENT]) expect(editor).toContain(setting);
});
