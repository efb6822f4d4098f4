import { randomBytes } from "node:crypto";

/** A fresh nonce per response: Next puts it on its own scripts, CodeMirror on the style elements it adds. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The app's Content-Security-Policy. Scripts run only with this response's nonce (and what they load:
 * 'strict-dynamic'); styles come from the app's own stylesheets or carry the nonce; nothing may frame the app,
 * be fetched from another origin or receive a form. `next dev` also needs eval for its error overlay.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
