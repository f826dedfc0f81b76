/**
 * The layers of the library (design §3), as rules: a module imports only
 * from its own layer and the layers below it, so the code reads one way,
 * from the query language up to the edges.
 *
 *   query, random                 the query language; seeded numbers
 *   model                         input shapes and their validation
 *   state                         the cluster's records, and the listener
 *   strategies, constraints       values that say what they depend on
 *   placement                     a request's pipeline, checks, chain, reasons
 *   reference                     the specification engine
 *   indexed                       the fast engine (it may fall back on reference)
 *   cluster                       the public facade
 *   ecs, sim, arbitraries, cli    the edges
 */
const LAYERS = [
  ['query', 'random'],
  ['model'],
  ['state'],
  ['strategies', 'constraints'],
  ['placement'],
  ['reference'],
  ['indexed'],
  ['cluster'],
  ['ecs', 'sim', 'arbitraries'],
  ['cli'],
];

const folder = (name) => `^src/${name}/`;
const below = (index) => LAYERS.slice(0, index + 1).flat();

module.exports = {
  forbidden: [
    ...LAYERS.flatMap((layer, index) => layer.map((name) => ({
      name: `${name}-imports-downward`,
      comment: `src/${name} may import only from ${below(index).join(', ')}: the layers at or below its own.`,
      severity: 'error',
      from: { path: folder(name), pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: [`^src/(${below(index).join('|')})/`, '^src/index\\.ts$'] },
    }))),
    {
      name: 'core-stays-out-of-the-edges',
      comment: 'The core (everything below the edges) runs in browsers and imports no edge module.',
      severity: 'error',
      from: { path: '^src/(query|random|model|state|strategies|constraints|placement|reference|indexed|cluster)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(ecs|sim|arbitraries|cli)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
