// `npm run schemas`: writes schemas/*.schema.json, the VS Code YAML mapping and docs/data-model.md
// from the zod schemas, and docs/checks.md from the checker's list of rules.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { jsonSchemaFiles, vscodeYamlSchemas } from '../src/schema/json-schema.ts';
import { checksMarkdown } from '../src/check/checks-doc.ts';
import { referenceMarkdown } from '../src/schema/reference.ts';
import { readArgs } from '../src/commands/args.ts';

try {
  // No flags: one that was meant for another command is an error, not silently ignored.
  readArgs({ options: {} });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm run schemas\n`);
  process.exit(2);
}

mkdirSync('schemas', { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) writeFileSync(`schemas/${name}`, text);

mkdirSync('.vscode', { recursive: true });
const settingsFile = '.vscode/settings.json';
const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
settings['yaml.schemas'] = vscodeYamlSchemas();
writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
mkdirSync('docs', { recursive: true });
writeFileSync('docs/data-model.md', referenceMarkdown());
writeFileSync('docs/checks.md', checksMarkdown());
console.log(`wrote ${Object.keys(jsonSchemaFiles()).length} JSON Schemas to schemas/ the mapping to ${settingsFile}, docs/data-model.md and docs/checks.md`);
