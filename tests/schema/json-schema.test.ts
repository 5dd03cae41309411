/** JSON Schemas for editors' tools: generated from zod, validating real data, rejecting bad data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaFiles, vscodeYamlSchemas } from '../../src/schema/json-schema.ts';
import { REPO } from '../helpers/fixture.ts';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validatorFor = (name: string) => {
  const schema = JSON.parse(readFileSync(join(REPO, 'schemas', name), 'utf8'));
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
};
const yaml = (file: string) => parse(readFileSync(join(REPO, file), 'utf8'));

describe('schemas/*.schema.json', () => {
  it('are exactly what the zod schemas generate (run `npm run schemas` after changing them)', () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      expect(readFileSync(join(REPO, 'schemas', name), 'utf8'), name).toBe(text);
    }
    const settings = JSON.parse(readFileSync(join(REPO, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual(vscodeYamlSchemas());
  });

  it('validate the bundled data', () => {
    for (const [name, entry] of Object.entries(JSON_SCHEMAS)) {
      if (entry.files.length === 0) continue;
      const file = entry.files[0] === 'data/records/*.yaml' ? 'data/records/2019-fishmongers-hall.yaml' : entry.files[0]!;
      const validate = validatorFor(name);
      expect(validate(yaml(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('reject a broken sample', () => {
    const records = validatorFor('records.schema.json');
    expect(records([{ id: 'x', kind: 'takedown', date: '2019', title: 'T', sources: ['s'], initiator: 'platform', outcome: 'removed' }])).toBe(false); // no platform
    expect(records([{ id: 'Bad Id', kind: 'statement', date: '2019', title: 'T', sources: ['s'], actor: 'a' }])).toBe(false);
    expect(records([{ id: 'x', kind: 'statement', date: '2019', title: 'T', sources: [], actor: 'a' }])).toBe(false);
    expect(records([{ id: 'x', kind: 'statement', date: '2019', title: 'T', sources: ['s'], actor: 'a', sorces: [] }])).toBe(false);
    expect(records([{ id: 'x', kind: 'statement', date: '2019', title: 'T', sources: ['s'], actor: 'a' }])).toBe(true);
    const sources = validatorFor('sources.schema.json');
    expect(sources([{ id: 's', title: 'T', publisher: 'P', kind: 'blog', published: '2019' }])).toBe(false);
  });
});
