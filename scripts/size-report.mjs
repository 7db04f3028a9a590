// What the first load of the built page transfers: index.html and every
// asset it references (CSS, JS, wasm), raw, gzip and brotli.
//
//   node scripts/size-report.mjs DIST [--budget KB]   (exits 1 over the gzip budget)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] || 'dist';
const budgetAt = process.argv.indexOf('--budget');
const budget = budgetAt > 0 ? Number(process.argv[budgetAt + 1]) : null;
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
// href="…", src="…" and the quoted module/wasm paths in the loader. Links a
// reader follows (<a>) and feeds offered for subscription (rel="alternate")
// are not part of the load.
const loaded = html.replace(/<a\s[^>]*>/g, '').replace(/<link[^>]*rel="alternate"[^>]*>/g, '');
const refs = new Set(['index.html']);
for (const m of loaded.matchAll(/(?:href|src)="([^"#?]+)"|'(\.?\/?[^']+\.(?:js|wasm))'/g)) {
  const ref = (m[1] || m[2]).replace(/^\.?\//, '');
  if (!/^[a-z]+:/.test(ref) && fs.existsSync(path.join(dir, ref))) refs.add(ref);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = { raw: 0, gzip: 0, br: 0 };
console.log(`first load of ${dir}:`);
console.log('      raw KB   gzip KB  brotli KB  file');
for (const ref of refs) {
  const body = fs.readFileSync(path.join(dir, ref));
  const gzip = zlib.gzipSync(body, { level: 9 }).length;
  const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + body.length, gzip: total.gzip + gzip, br: total.br + br };
  console.log(`${kb(body.length)}  ${kb(gzip)}  ${kb(br)}   ${ref}`);
}
console.log(`${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.br)}   total`);
if (budget && total.gzip > budget * 1024) {
  console.error(`over budget: ${(total.gzip / 1024).toFixed(1)} KB gzip > ${budget} KB`);
  process.exit(1);
}
