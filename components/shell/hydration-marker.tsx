"use client";
import { useEffect } from "react";

/**
 * Sets `<html data-hydrated>` once React has hydrated the page (rendered last in the root layout, so its effect runs
 * after the page's own). A click on server-rendered HTML before then can be lost; browser tests wait for it.
 */
export function HydrationMarker() {
  useEffect(() => document.documentElement.setAttribute("data-hydrated", ""), []);
  return null;
}
