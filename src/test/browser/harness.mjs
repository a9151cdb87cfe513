// What the browser tests share: a copy of the sample site in a temporary folder, `gazette serve`
// running on it, and headless Chromium (Debian's package) driven by playwright-core.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const JAR = process.env.GAZETTE_JAR || join(PROJECT, "target/gazette.jar");

/** A copy of the sample site (articles, templates, site.yml, data) in a new temporary folder, or of `from`. */
export function copySite(from = PROJECT) {
  const dir = mkdtempSync(join(tmpdir(), "gazette-browser-"));
  for (const part of ["articles", "templates", "site.yml", "data"]) {
    try {
      cpSync(join(from, part), join(dir, part), { recursive: true });
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
  }
  return dir;
}

/** Writes a file as editors do: a temporary file beside it, renamed over it. */
export function saveAsEditor(file, text) {
  const scratch = join(dirname(file), ".gazette-test-" + process.pid + ".swp");
  writeFileSync(scratch, text);
  renameSync(scratch, file);
}

export function read(file) {
  return readFileSync(file, "utf8");
}

/** Starts `gazette serve --port 0` in `dir`; resolves once it prints its address. */
export async function serve(dir, ...args) {
  const opts = (process.env.GAZETTE_JAVA_OPTS || "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g").split(/\s+/).filter(Boolean);
  const child = spawn("java", [...opts, "-jar", JAR, "serve", "--port", "0",
    "--now", "2025-09-13T00:00:00+01:00", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => { err += d; });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("gazette serve did not start:\n" + out + err)), 600_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /Serving the preview at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on("exit", (code) => fail(new Error("gazette serve exited with " + code + ":\n" + out + err)));
  });
  return {
    url,
    output: () => out + err,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((ok) => { if (child.exitCode !== null) ok(); else child.on("exit", ok); });
    },
  };
}

/** Headless Chromium with the flags this machine's closed network needs. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}
