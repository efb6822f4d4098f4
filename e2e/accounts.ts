export const OWNER = { name: "Olivia Owner", email: "owner@example.com", password: "correct horse battery staple" };
