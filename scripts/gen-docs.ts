// Writes docs/reference.md, the short reference block of README.md and the generated tables of
// docs/format.md (layer kinds, training, data sources) from the registries
// (src/core/config/reference-doc.ts, short-reference.ts, format-doc.ts, data-doc.ts).
// Usage: npx tsx scripts/gen-docs.ts   (test/unit/schema.test.ts fails when either is stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderReference } from '../src/core/config/reference-doc';
import { withShortReference } from '../src/core/config/short-reference';
import { withDataTables } from '../src/core/config/data-doc';
import { withFormatTables } from '../src/core/config/format-doc';

const root = join(__dirname, '..');
const out = join(root, 'docs', 'reference.md');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(out, renderReference());
console.log(`wrote ${out}`);
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withShortReference(readFileSync(readmePath, 'utf8')));
console.log(`updated the short reference in ${readmePath}`);
const formatPath = join(root, 'docs', 'format.md');
writeFileSync(formatPath, withFormatTables(withDataTables(readFileSync(formatPath, 'utf8'))));
console.log(`updated the layer, training and data-source tables in ${formatPath}`);
