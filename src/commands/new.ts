/** The `npm run new` command: writes skeletons into content/ and data/. */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkProject } from '../check/validate.ts';
import { hostOf } from '../safety/defang.ts';
import { RECORD_KINDS, type RecordKind } from '../schema/records.ts';
import { didYouMean } from '../check/suggest.ts';
import { incidentSkeleton, recordSkeleton, slugify, sourceSkeleton, today, uniqueId, yamlListItem } from '../scaffold/skeletons.ts';

const USAGE = `usage:
  npm run new -- incident "Title of the incident"
  npm run new -- source https://example.org/article
  npm run new -- record <${RECORD_KINDS.join('|')}> [--file data/records/<name>.yaml]`;

function append(root: string, file: string, text: string): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  appendFileSync(path, `${existing && !existing.endsWith('\n') ? '\n' : ''}${existing ? '\n' : ''}${text}`);
}

/** Ids already used anywhere, read from the files (valid or not). */
function takenIds(root: string): Set<string> {
  const { locations } = checkProject(root);
  return new Set([...locations.keys()].map((key) => key.slice(key.indexOf(':') + 1)));
}

export function runNew(argv: string[], root: string, log: (line: string) => void = console.log, now = new Date()): number {
  const [what, arg] = argv;
  const date = today(now);
  if (what === 'incident' && arg) {
    let slug = slugify(arg);
    for (let n = 2; existsSync(join(root, 'content/incidents', `${slug}.mdx`)); n++) slug = `${slugify(arg)}-${n}`;
    const file = `content/incidents/${slug}.mdx`;
    mkdirSync(join(root, 'content/incidents'), { recursive: true });
    writeFileSync(join(root, file), incidentSkeleton(arg, date));
    log(`wrote ${file} (a draft: npm run dev shows it, the build leaves it out until status: published)`);
    return 0;
  }
  if (what === 'source' && arg) {
    const host = hostOf(arg);
    if (!host || !/^https?:\/\//i.test(arg)) {
      log(`"${arg}" is not an http(s) URL\n${USAGE}`);
      return 2;
    }
    const id = uniqueId(`${slugify(host.replace(/^www\./, '').split('.').slice(0, -1).join('-') || host)}-${date}`, takenIds(root));
    append(root, 'data/sources.yaml', yamlListItem(sourceSkeleton(arg, id, date)));
    log(`added source "${id}" to data/sources.yaml: fill in the TODO fields (npm run check lists them)`);
    return 0;
  }
  if (what === 'record' && arg) {
    if (!(RECORD_KINDS as readonly string[]).includes(arg)) {
      log(`unknown record kind "${arg}"${didYouMean(arg, RECORD_KINDS)}\n${USAGE}`);
      return 2;
    }
    const fileIndex = argv.indexOf('--file');
    const file = fileIndex >= 0 && argv[fileIndex + 1] ? argv[fileIndex + 1]! : `data/records/${date.slice(0, 4)}.yaml`;
    const id = uniqueId(`${arg}-${date}`, takenIds(root));
    append(root, file, yamlListItem(recordSkeleton(arg as RecordKind, id, date)));
    log(`added ${arg} "${id}" to ${file}: fill in the TODO fields (npm run check lists them)`);
    return 0;
  }
  log(USAGE);
  return 2;
}
