/** A user's text echoed in a message, cut to a readable length: a message stays proportionate to its cause. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
