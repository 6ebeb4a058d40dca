// Writes schema/nn.schema.json from the registries (src/core/config/schema.ts).
// Usage: npx tsx scripts/gen-schema.ts   (test/unit/schema.test.ts fails when the file is stale)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchema } from '../src/core/config/schema';

const out = join(__dirname, '..', 'schema', 'nn.schema.json');
mkdirSync(join(__dirname, '..', 'schema'), { recursive: true });
writeFileSync(out, renderSchema());
console.log(`wrote ${out}`);
