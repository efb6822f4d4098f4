import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { checkDestinationUrl, guardedLookup, isPublicAddress, maskedUrl } from "./destination-url";

function allow(origins: string) {
  process.env.ALERT_ALLOWED_ORIGINS = origins;
  resetEnvCache();
}

afterEach(() => allow(""));

const lookup = (origin: string, host: string) =>
  new Promise<string>((resolve, reject) =>
    guardedLookup(origin)(host, {}, (error, address) => (error ? reject(error) : resolve(String(address)))),
  );

describe("the webhook outbound guard", () => {
  it("takes public HTTPS URLs and refuses plain HTTP, credentials in the URL and private or loopback hosts", () => {
    expect(checkDestinationUrl(" https://hooks.example.com/a/b?x=1 ")).toBe("https://hooks.example.com/a/b?x=1");
    expect(() => checkDestinationUrl("http://hooks.example.com/a")).toThrow(/HTTPS only.*https:\/\/hooks\.example\.com\/a.*ALERT_ALLOWED_ORIGINS/);
    expect(() => checkDestinationUrl("https://user:pw@hooks.example.com/")).toThrow(/user name or password/);
    expect(() => checkDestinationUrl("not a url")).toThrow(/not valid/);
    for (const host of ["127.0.0.1", "10.1.2.3", "192.168.0.5", "169.254.169.254", "[::1]", "[fd00::1]", "100.64.0.1", "0.0.0.0", "localhost", "printer.local"]) {
      expect(() => checkDestinationUrl(`https://${host}/hook`), host).toThrow(/loopback or private/);
    }
  });

  it("lets allow-listed origins use HTTP and private addresses, and nothing else", () => {
    allow("http://127.0.0.1:4999");
    expect(checkDestinationUrl("http://127.0.0.1:4999/hook")).toBe("http://127.0.0.1:4999/hook");
    expect(() => checkDestinationUrl("http://127.0.0.1:5000/hook")).toThrow(/HTTPS only/);
  });

  it("checks the address a delivery connects to: a name resolving to loopback is refused unless allow-listed", async () => {
    await expect(lookup("https://localhost", "localhost")).rejects.toThrow(/resolves to .*loopback or private/);
    allow("https://localhost");
    await expect(lookup("https://localhost", "localhost")).resolves.toMatch(/127\.0\.0\.1|::1/);
  });

  it("classifies addresses and masks URLs", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    expect(maskedUrl("https://hooks.slack.com/services/T000/B000/XXXX")).toBe("https://hooks.slack.com/services/…");
    expect(maskedUrl("https://example.com/")).toBe("https://example.com/");
  });
});
