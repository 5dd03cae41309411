// `npm run schemas`: writes schemas/*.schema.json and the VS Code YAML mapping from the zod schemas.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { jsonSchemaFiles, vscodeYamlSchemas } from '../src/schema/json-schema.ts';

mkdirSync('schemas', { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) writeFileSync(`schemas/${name}`, text);

mkdirSync('.vscode', { recursive: true });
const settingsFile = '.vscode/settings.json';
const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
settings['yaml.schemas'] = vscodeYamlSchemas();
writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
console.log(`wrote ${Object.keys(jsonSchemaFiles()).length} JSON Schemas to schemas/ and the mapping to ${settingsFile}`);
