/**
 * The architecture as rules (npm run lint runs them): no import cycles, and the top-level folders
 * in layers, each importing only those below it: workflows → infra → activities → api → worker.
 */
const LAYERS = ['workflows', 'infra', 'activities', 'api', 'worker'];

const upward = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(index + 1);
  if (!above.length) return [];
  return [
    {
      name: `no-upward-from-${layer}`,
      comment: `${layer}/ may import only from the layers below it`,
      severity: 'error',
      from: { path: `^${layer}/` },
      to: {
        path: `^(${above.join('|')})/`,
        // Workflows name their activities' type for proxyActivities, as Temporal's samples do: a
        // type-only import, erased before the workflow bundle is built.
        ...(layer === 'workflows' ? { dependencyTypesNot: ['type-only'] } : {}),
      },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module never reaches itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
