/**
 * This page's CSP nonce, for code that adds <style> or <script> elements at run time. Next puts it on its own
 * script tags; browsers hide the attribute's value but keep the `nonce` property.
 */
export function documentNonce(): string | undefined {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
