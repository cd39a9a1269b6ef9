// Decodes the one QR code in a PNG for the end-to-end tests and prints it as JSON on stdout:
//   node decode.mjs <file.png>   ->   {"text":"otpauth://...","format":"QRCode","ecLevel":"M"}
// Exit codes: 0 decoded, 1 usage or unexpected error, 2 no QR code found, 3 more than one QR code.
//
// The decoder is zxing-wasm (ZXing-C++ compiled to WebAssembly), pinned in package.json/package-lock.json.
// Why the override: by default the package fetches its .wasm from a CDN, which fails offline; the same
// binary ships in the package, so it is read from disk instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";

const require = createRequire(import.meta.url);

const [, , pngPath] = process.argv;
if (!pngPath) {
  console.error("usage: node decode.mjs <file.png>");
  process.exit(1);
}

await prepareZXingModule({
  overrides: { wasmBinary: readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm")) },
  fireImmediately: true,
});

// Why tryHarder and no downscaling: a screenshot is small and sharp; spend the effort rather than miss it.
const results = await readBarcodes(new Uint8Array(readFileSync(pngPath)), {
  formats: ["QRCode"],
  tryHarder: true,
  tryDownscale: false,
  maxNumberOfSymbols: 2,
});

const valid = results.filter((result) => result.isValid);
if (valid.length === 0) {
  const errors = results.map((result) => result.error).filter(Boolean);
  console.error(`no QR code found in ${pngPath}${errors.length ? `: ${errors.join("; ")}` : ""}`);
  process.exit(2);
}

if (valid.length > 1) {
  console.error(`${valid.length} QR codes found in ${pngPath}; expected one`);
  process.exit(3);
}

const [qr] = valid;
process.stdout.write(JSON.stringify({ text: qr.text, format: qr.format, ecLevel: qr.ecLevel }) + "\n");
