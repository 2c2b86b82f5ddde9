// Builds a WebAssembly target with cargo and says where cargo wrote it, for
// the post-build steps that make modules of their own (scripts/embed-modules.mjs,
// scripts/checker-module.mjs).
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs `cargo build --target wasm32-unknown-unknown` with `args` at the
 * repository's root and returns the path of the `.wasm` cargo wrote for the
 * target named `name` of kind `kind` ("bin", "cdylib"), or null.
 */
export function cargoWasm(args, name, kind) {
  const all = ["build", "--target", "wasm32-unknown-unknown", "--message-format=json-render-diagnostics", ...args];
  const out = execFileSync("cargo", all, { cwd: repo, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  return (
    out
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .find((m) => m.reason === "compiler-artifact" && m.target?.name === name && m.target.kind.includes(kind))
      ?.filenames.find((f) => f.endsWith(".wasm")) ?? null
  );
}
