import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";

// Public like any API description: it holds the shape of the API, no data.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
