/** What the password forms tell people; newPasswordSchema (user-schemas.ts) enforces exactly this. */
export const NEW_PASSWORD_HELP =
  "At least 12 characters and not a commonly used password. A passphrase of several words is easy to remember and hard to guess.";
