import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium package; the browser tests use it rather than downloading one of Playwright's. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `${CHROMIUM_PATH} is absent: install Debian's chromium (apt-get install chromium) to run the browser tests`;
}

/**
 * Headless chromium without a sandbox (containers give it none) and without the background traffic
 * (updates, sync, QUIC probes) that would make a test depend on the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
