// Copies the four Fashion-MNIST files into examples/data/fashion-mnist/ (kept out of git and the .vsix), from
// the Debian package's folder (`apt-get install dataset-fashion-mnist`) or from FASHION_MNIST_DIR. Copies, not
// symbolic links: NN Lab refuses data files that resolve outside the workspace (see SECURITY.md).
// Usage: npm run fashion-data   (see examples/data/fashion-mnist/README.md for other sources)
import { copyFileSync, existsSync, lstatSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
const source = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';
const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'data', 'fashion-mnist');

const missing = FILES.filter((f) => !existsSync(join(source, f)));
if (missing.length > 0) {
  console.error(`fashion-data: ${source} lacks ${missing.join(', ')}.`);
  console.error('Install them with "sudo apt-get install dataset-fashion-mnist", set FASHION_MNIST_DIR to a folder holding them,');
  console.error(`or download them into ${target} (see its README.md).`);
  process.exit(1);
}
for (const f of FILES) {
  const file = join(target, f);
  if (existsSync(file) && !lstatSync(file).isSymbolicLink()) {
    console.log(`kept ${file}`);
    continue;
  }
  if (existsSync(file) || isLink(file)) unlinkSync(file); // an old link from an earlier version of this script
  copyFileSync(join(source, f), file);
  console.log(`copied ${join(source, f)} -> ${file}`);
}

function isLink(file) {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
