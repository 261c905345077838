import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder that holds package.json, views/ and public/: the parent of src/ when the app runs
 * from the sources (tsx, ts-jest), two levels above dist/src/ when it runs compiled. Found by
 * looking upwards for package.json, so it does not matter which of the two this file is in.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findProjectRoot(__dirname);
