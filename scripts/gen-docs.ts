// Writes docs/reference.md and the short reference block of README.md from the registries
// (src/core/config/reference-doc.ts, short-reference.ts).
// Usage: npx tsx scripts/gen-docs.ts   (test/unit/schema.test.ts fails when either is stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../src/core/config/reference-doc';
import { withShortReference } from '../src/core/config/short-reference';

const root = join(__dirname, '..');
const out = join(root, 'docs', 'reference.md');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(out, renderReference());
console.log(`wrote ${out}`);
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withShortReference(readFileSync(readmePath, 'utf8')));
console.log(`updated the short reference in ${readmePath}`);
