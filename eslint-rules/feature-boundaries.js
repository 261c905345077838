/**
 * Local ESLint rule: the shape of src/ stays as docs/architecture.md draws it.
 *
 * - Doors: a file may reach another feature only through its door, src/features/<name>/index.ts
 *   (`../persons`, never `../persons/persons-queries`). Outside src/features, code reaches a
 *   feature the same way, or the composition root src/features/index.ts. A feature never imports
 *   the composition root (the root imports every feature).
 * - Layers: lib → db → http/auth/audit → contracts → features → app/cli. A lower layer never
 *   imports a higher one (src/lib not db/http/features …; src/db not http/features; http, auth and
 *   audit not features).
 *
 * Only relative imports are checked (the app imports its own code relatively); packages pass.
 */
const path = require('node:path');

/** What each area of src/ may not import. Areas: the first folder under src/, or the file name. */
const FORBIDDEN = {
  lib: ['db', 'http', 'auth', 'audit', 'contracts', 'features', 'app', 'cli', 'server'],
  db: ['http', 'auth', 'audit', 'contracts', 'features', 'app', 'cli', 'server'],
  http: ['contracts', 'features', 'app', 'cli', 'server'],
  auth: ['contracts', 'features', 'app', 'cli', 'server'],
  audit: ['contracts', 'features', 'app', 'cli', 'server'],
  contracts: ['features', 'app', 'cli', 'server'],
  features: ['app', 'cli', 'server'],
};

const LAYER_NAMES = {
  lib: 'src/lib', db: 'src/db', http: 'src/http', auth: 'src/auth', audit: 'src/audit', contracts: 'src/contracts',
  features: 'a feature', app: 'src/app.ts', cli: 'the CLI', server: 'src/server.ts',
};

/** 'lib', 'features', 'app' … for a path relative to src/ (null outside src/). */
function areaOf(rel) {
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.[cm]?[jt]s$/, '');
}

const INDEX = /^index(\.[cm]?[jt]s)?$/;

/**
 * For a path relative to src/ in src/features: { root: true } for the composition root
 * (src/features, src/features/index); else { feature, door } where door says the path is the
 * feature's index (`features/persons`, `features/persons/index`). null outside src/features.
 */
function featureOf(rel) {
  const parts = rel.split(path.sep);
  if (parts[0] !== 'features') return null;
  if (parts.length === 1 || (parts.length === 2 && INDEX.test(parts[1]))) return { root: true };
  return { feature: parts[1].replace(/\.[cm]?[jt]s$/, ''), door: parts.length === 2 || (parts.length === 3 && INDEX.test(parts[2])) };
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: "Features are reached only through their index.ts; lower layers never import higher ones." },
    schema: [{ type: 'object', properties: { src: { type: 'string' } }, additionalProperties: false }],
    messages: {
      deep: "'{{spec}}' reaches into feature '{{feature}}': import its door '{{door}}' (src/features/{{feature}}/index.ts) instead.",
      root: "A feature may not import the composition root src/features/index.ts (it imports every feature): take what you need as a parameter.",
      layer: "{{from}} may not import {{to}} ('{{spec}}'): lib → db → http/auth/audit → contracts → features → app/cli.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const cwd = context.cwd ?? context.getCwd();
    const src = path.resolve(cwd, (context.options[0] && context.options[0].src) || 'src');
    const fromRel = path.relative(src, filename);
    const fromArea = areaOf(fromRel);
    if (fromArea === null) return {};
    const fromFeature = featureOf(fromRel);

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(filename), spec);
      const toRel = path.relative(src, target);
      const toArea = areaOf(toRel);
      if (toArea === null) return;
      const forbidden = FORBIDDEN[fromArea] || [];
      if (forbidden.includes(toArea)) {
        context.report({ node, messageId: 'layer', data: { from: LAYER_NAMES[fromArea] || fromArea, to: LAYER_NAMES[toArea] || toArea, spec } });
        return;
      }
      const toFeature = featureOf(toRel);
      if (!toFeature) return;
      if (toFeature.root) {
        if (fromFeature && !fromFeature.root) context.report({ node, messageId: 'root' });
        return;
      }
      const own = fromFeature && !fromFeature.root && fromFeature.feature === toFeature.feature;
      if (own || toFeature.door) return;
      const door = path.relative(path.dirname(filename), path.join(src, 'features', toFeature.feature)).split(path.sep).join('/');
      context.report({ node, messageId: 'deep', data: { spec, feature: toFeature.feature, door: door.startsWith('.') ? door : `./${door}` } });
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference'
        && check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0] && node.arguments[0].type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};
