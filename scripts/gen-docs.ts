// Writes docs/reference.md from the registries (src/core/config/reference-doc.ts).
// Usage: npx tsx scripts/gen-docs.ts   (test/unit/schema.test.ts fails when the file is stale)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../src/core/config/reference-doc';

const out = join(__dirname, '..', 'docs', 'reference.md');
mkdirSync(join(__dirname, '..', 'docs'), { recursive: true });
writeFileSync(out, renderReference());
console.log(`wrote ${out}`);
