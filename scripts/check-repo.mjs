// The repository's own files that no compiler reads: GitHub workflows,
// issue forms, dependabot.yml and LICENSE. Every YAML file is parsed with
// the `yaml` package (duplicate keys and syntax errors are problems), then
// held to what GitHub needs from it:
//   - workflows: `on` and `jobs`; each job `runs-on` and `steps` (or `uses`
//     for a reusable workflow); each step `run` or `uses`; a `workflow_run`
//     trigger names a workflow that exists here (pages.yml waits on "CI");
//   - issue forms: `name`, `description` and a `body` list; each element a
//     known `type`; inputs, textareas and dropdowns with `id` and
//     `attributes.label`; dropdowns and checkboxes with `attributes.options`;
//     ids and labels unique; at least one field that is not markdown;
//   - ISSUE_TEMPLATE/config.yml and dependabot.yml: their documented keys;
//   - LICENSE: the Apache License 2.0 text, as Cargo.toml declares.
// Prints one line per problem and exits 1 if there is any.
//
//   node scripts/check-repo.mjs [ROOT]   (ROOT defaults to the repository)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const problems = [];
const rel = (file) => path.relative(ROOT, file) || file;
const problem = (file, where, message) => problems.push(`${rel(file)}${where ? `: ${where}` : ''}: ${message}`);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string' && v.trim() !== '';

/** YAML files directly in `dir` (sorted), or none if it does not exist. */
function yamlFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Parses one YAML file; reports syntax errors, warnings and duplicate keys. */
function load(file) {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  for (const e of doc.errors) problem(file, '', `YAML error: ${e.message.split('\n')[0].replace(/:$/, '')}`);
  for (const w of doc.warnings) problem(file, '', `YAML warning: ${w.message.split('\n')[0].replace(/:$/, '')}`);
  if (doc.errors.length) return undefined;
  const value = doc.toJS();
  if (!isObject(value)) {
    problem(file, '', 'the top level is not a mapping');
    return undefined;
  }
  return value;
}

// ---- workflows -------------------------------------------------------------

const workflowDir = path.join(ROOT, '.github/workflows');
const workflows = yamlFiles(workflowDir).map((file) => ({ file, wf: load(file) }));
if (workflows.length === 0) problem(workflowDir, '', 'no workflow files');
const workflowNames = new Set(workflows.filter((w) => w.wf && isText(w.wf.name)).map((w) => w.wf.name));

for (const { file, wf } of workflows) {
  if (!wf) continue;
  if (!isText(wf.name)) problem(file, '', 'no `name` (other workflows refer to workflows by name)');
  const on = wf.on;
  if (on === undefined || on === null || (typeof on !== 'string' && !Array.isArray(on) && !isObject(on))) {
    problem(file, '', 'no `on` (what triggers the workflow)');
  } else if (isObject(on) && isObject(on.workflow_run)) {
    const wanted = on.workflow_run.workflows;
    if (!Array.isArray(wanted) || wanted.length === 0) {
      problem(file, 'on.workflow_run', 'no `workflows` list');
    } else {
      for (const name of wanted) {
        if (!workflowNames.has(name)) problem(file, 'on.workflow_run', `waits on workflow "${name}", which no file here is named`);
      }
    }
  }
  if (!isObject(wf.jobs) || Object.keys(wf.jobs).length === 0) {
    problem(file, '', 'no `jobs`');
    continue;
  }
  for (const [id, job] of Object.entries(wf.jobs)) {
    const where = `jobs.${id}`;
    if (!isObject(job)) {
      problem(file, where, 'is not a mapping');
      continue;
    }
    if (isText(job.uses)) continue; // a reusable workflow: no runs-on or steps of its own
    if (job['runs-on'] === undefined || job['runs-on'] === null || job['runs-on'] === '') problem(file, where, 'no `runs-on`');
    if (!Array.isArray(job.steps) || job.steps.length === 0) {
      problem(file, where, 'no `steps` list');
      continue;
    }
    job.steps.forEach((step, i) => {
      const at = `${where}.steps[${i}]`;
      if (!isObject(step)) problem(file, at, 'is not a mapping');
      else if (!isText(step.run) && !isText(step.uses)) problem(file, at, 'has neither `run` nor `uses`');
      else if (isText(step.run) && isText(step.uses)) problem(file, at, 'has both `run` and `uses`');
    });
    for (const need of [].concat(job.needs ?? [])) {
      if (!(need in wf.jobs)) problem(file, where, `needs unknown job "${need}"`);
    }
  }
}

// ---- issue forms -----------------------------------------------------------

const formDir = path.join(ROOT, '.github/ISSUE_TEMPLATE');
const FORM_KEYS = new Set(['name', 'description', 'body', 'title', 'labels', 'assignees', 'projects', 'type']);
const TYPES = new Set(['markdown', 'textarea', 'input', 'dropdown', 'checkboxes']);
const ELEMENT_KEYS = new Set(['type', 'id', 'attributes', 'validations']);
const ID = /^[A-Za-z0-9_-]+$/;
let forms = 0;

for (const file of yamlFiles(formDir)) {
  const form = load(file);
  if (!form) continue;
  if (path.basename(file).replace(/\.ya?ml$/, '') === 'config') {
    checkFormConfig(file, form);
    continue;
  }
  forms++;
  for (const key of Object.keys(form)) if (!FORM_KEYS.has(key)) problem(file, '', `unknown top-level key \`${key}\``);
  if (!isText(form.name)) problem(file, '', 'no top-level `name`');
  if (!isText(form.description)) problem(file, '', 'no top-level `description`');
  for (const key of ['labels', 'assignees']) {
    const v = form[key];
    if (v !== undefined && !isText(v) && !(Array.isArray(v) && v.every(isText))) {
      problem(file, key, 'must be a string or a list of strings');
    }
  }
  if (!Array.isArray(form.body) || form.body.length === 0) {
    problem(file, '', 'no `body` list');
    continue;
  }
  const ids = new Set();
  const labels = new Set();
  let fields = 0;
  form.body.forEach((el, i) => {
    const at = `body[${i}]`;
    if (!isObject(el)) {
      problem(file, at, 'is not a mapping');
      return;
    }
    for (const key of Object.keys(el)) if (!ELEMENT_KEYS.has(key)) problem(file, at, `unknown key \`${key}\``);
    if (!TYPES.has(el.type)) {
      problem(file, at, `type ${JSON.stringify(el.type)} is not one of ${[...TYPES].join(', ')}`);
      return;
    }
    const attrs = el.attributes;
    if (!isObject(attrs)) {
      problem(file, at, `(${el.type}) no \`attributes\``);
      return;
    }
    if (el.id !== undefined) {
      if (typeof el.id !== 'string' || !ID.test(el.id)) problem(file, at, `id ${JSON.stringify(el.id)} may hold only letters, digits, - and _`);
      else if (ids.has(el.id)) problem(file, at, `id "${el.id}" is used twice`);
      else ids.add(el.id);
    }
    if (el.type === 'markdown') {
      if (!isText(attrs.value)) problem(file, at, '(markdown) no `attributes.value`');
      if (el.validations !== undefined) problem(file, at, '(markdown) cannot have `validations`');
      return;
    }
    fields++;
    if (['input', 'textarea', 'dropdown'].includes(el.type) && el.id === undefined) problem(file, at, `(${el.type}) no \`id\``);
    if (!isText(attrs.label)) {
      problem(file, at, `(${el.type}) no \`attributes.label\``);
    } else if (labels.has(attrs.label)) {
      problem(file, at, `label "${attrs.label}" is used twice`);
    } else {
      labels.add(attrs.label);
    }
    if (el.validations !== undefined && (!isObject(el.validations) || typeof el.validations.required !== 'boolean')) {
      problem(file, at, '`validations` must be a mapping with a boolean `required`');
    }
    if (el.type === 'dropdown') {
      const options = attrs.options;
      if (!Array.isArray(options) || options.length === 0 || !options.every(isText)) {
        problem(file, at, '(dropdown) `attributes.options` must be a non-empty list of strings');
      } else {
        if (new Set(options).size !== options.length) problem(file, at, '(dropdown) options repeat');
        if (options.some((o) => o.trim().toLowerCase() === 'none')) problem(file, at, '(dropdown) "None" is reserved by GitHub');
      }
    }
    if (el.type === 'checkboxes') {
      const options = attrs.options;
      if (!Array.isArray(options) || options.length === 0 || !options.every((o) => isObject(o) && isText(o.label))) {
        problem(file, at, '(checkboxes) `attributes.options` must be a non-empty list of {label}');
      }
    }
  });
  if (fields === 0) problem(file, 'body', 'needs at least one field that is not markdown');
}

function checkFormConfig(file, config) {
  for (const key of Object.keys(config)) {
    if (key !== 'blank_issues_enabled' && key !== 'contact_links') problem(file, '', `unknown key \`${key}\``);
  }
  if (config.blank_issues_enabled !== undefined && typeof config.blank_issues_enabled !== 'boolean') {
    problem(file, 'blank_issues_enabled', 'must be true or false');
  }
  if (config.contact_links !== undefined) {
    if (!Array.isArray(config.contact_links)) {
      problem(file, 'contact_links', 'must be a list');
      return;
    }
    config.contact_links.forEach((link, i) => {
      for (const key of ['name', 'url', 'about']) {
        if (!isObject(link) || !isText(link[key])) problem(file, `contact_links[${i}]`, `no \`${key}\``);
      }
    });
  }
}

// ---- dependabot.yml ----------------------------------------------------------

const dependabot = path.join(ROOT, '.github/dependabot.yml');
if (fs.existsSync(dependabot)) {
  const d = load(dependabot);
  if (d) {
    if (d.version !== 2) problem(dependabot, 'version', 'must be 2');
    if (!Array.isArray(d.updates) || d.updates.length === 0) {
      problem(dependabot, '', 'no `updates` list');
    } else {
      d.updates.forEach((u, i) => {
        const at = `updates[${i}]`;
        if (!isObject(u)) return problem(dependabot, at, 'is not a mapping');
        if (!isText(u['package-ecosystem'])) problem(dependabot, at, 'no `package-ecosystem`');
        if (!isText(u.directory) && !Array.isArray(u.directories)) problem(dependabot, at, 'no `directory`');
        if (!isObject(u.schedule) || !isText(u.schedule.interval)) problem(dependabot, at, 'no `schedule.interval`');
      });
    }
  }
}

// ---- LICENSE ---------------------------------------------------------------

const license = path.join(ROOT, 'LICENSE');
if (!fs.existsSync(license)) {
  problem(license, '', 'missing (Cargo.toml declares Apache-2.0: the file holds the Apache License 2.0 text)');
} else {
  const text = fs.readFileSync(license, 'utf8').replace(/\s+/g, ' ');
  const marks = [
    'Apache License Version 2.0, January 2004',
    'TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION',
    '1. Definitions.',
    '9. Accepting Warranty or Additional Liability.',
    'END OF TERMS AND CONDITIONS',
  ];
  const missing = marks.filter((m) => !text.includes(m));
  if (missing.length) problem(license, '', `not the Apache License 2.0 text (missing "${missing[0]}")`);
}
const cargoToml = path.join(ROOT, 'Cargo.toml');
if (fs.existsSync(cargoToml)) {
  const declared = fs.readFileSync(cargoToml, 'utf8').match(/^license\s*=\s*"([^"]*)"/m);
  if (declared && declared[1] !== 'Apache-2.0') problem(cargoToml, 'license', `declares "${declared[1]}", but LICENSE is checked for Apache-2.0`);
}

// ---- verdict -----------------------------------------------------------------

if (problems.length) {
  for (const p of problems) console.error(`check-repo: ${p}`);
  console.error(`check-repo: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(`check-repo: ok (${workflows.length} workflows, ${forms} issue forms, ${fs.existsSync(dependabot) ? 'dependabot.yml, ' : ''}LICENSE Apache-2.0)`);
