// Our parse of the built-in notes (the native `timeline bench`, release
// build) against markdown-it, the renderer HackMD uses, parsing the same
// text in Node. Medians of many runs; prints the ratio.
//
//   node benches/markdown-it.mjs [RUNS]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { ROOT } from '../tests/browser/lib.mjs';

const runs = Number(process.argv[2]) || 1000;
const file = path.join(ROOT, 'data/notes/racklet-2024.md');
const text = fs.readFileSync(file, 'utf8');

const ours = JSON.parse(
  execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'cli', '--bin', 'timeline', '--', 'bench', file, String(runs)], {
    cwd: ROOT,
    encoding: 'utf8',
  }),
);

// markdown-it with HackMD-like options; parse() gives tokens (no HTML
// rendering), the closest to our parse into a model.
const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
for (let i = 0; i < 200; i++) md.parse(text, {}); // warm up the JIT
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  md.parse(text, {});
  times.push(Number(process.hrtime.bigint() - t0) / 1000);
}
times.sort((a, b) => a - b);
const mdMedian = times[Math.floor(runs / 2)];
console.log(`input: ${text.length} bytes (${path.basename(file)}), ${runs} runs each`);
console.log(`racklet-timeline parse (Rust, native, to the full model): median ${ours.median_us} µs, min ${ours.min_us} µs`);
console.log(`markdown-it ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/markdown-it/package.json'))).version} parse (Node ${process.versions.node}, tokens only): median ${mdMedian.toFixed(0)} µs, min ${times[0].toFixed(0)} µs`);
console.log(`ratio ours / markdown-it: ${(ours.median_us / mdMedian).toFixed(2)}`);
