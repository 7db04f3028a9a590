// Minifies the JS glue and the CSS of a release build in place and
// updates their Subresource Integrity hashes in index.html. Trunk 0.21's
// own JS minifier cannot parse wasm-bindgen's glue (`export default`), so
// this runs in the post-build hook instead.
//
//   node scripts/minify.mjs STAGING_DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify as minifyJs } from 'terser';
import { minify as minifyCss } from 'csso';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify.mjs STAGING_DIR');
  process.exit(2);
}
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

for (const name of fs.readdirSync(dir)) {
  if (!/\.(js|css)$/.test(name)) continue;
  const file = path.join(dir, name);
  const source = fs.readFileSync(file, 'utf8');
  let out;
  if (name.endsWith('.js')) {
    out = (await minifyJs(source, { module: true, compress: { passes: 2 }, mangle: true })).code;
  } else if (name.endsWith('.css')) {
    out = minifyCss(source).css;
  } else {
    continue;
  }
  fs.writeFileSync(file, out);
  // The element that loads this file carries its hash; it must match the
  // minified bytes or the browser refuses the file.
  const sri = `sha384-${crypto.createHash('sha384').update(out).digest('base64')}`;
  const ref = new RegExp(`(<link[^>]*href="\\.?/?${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]+"`, 'g');
  html = html.replace(ref, `$1${sri}"`);
  console.log(`minified ${name}: ${source.length} -> ${out.length} bytes`);
}
// Every hash in the page must now match its file.
for (const m of html.matchAll(/<[^>]*(?:href|src)="\.?\/?([^"]+)"[^>]*integrity="(sha384-[^"]+)"/g)) {
  const body = fs.readFileSync(path.join(dir, m[1]));
  if (m[2] !== `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`) {
    console.error(`integrity of ${m[1]} does not match after minifying`);
    process.exit(1);
  }
}
fs.writeFileSync(indexPath, html);
