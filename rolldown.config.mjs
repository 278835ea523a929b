// The CLI that bin/sockgrade runs, bundled from tsc's output (dist/): a grading loads a couple of
// dozen files instead of about 120 modules, which Node resolves and reads one by one. The
// chunks sit at the same depth as dist/harness/cli/, so the paths the code finds from its own
// file (the project's root, harness/isolation/enter-namespaces.sh, the Python hook) are the same;
// the authoring API is an entry of its own, so a course's exercises share the bundle's classes.
export default {
  input: {
    'cli/main': 'dist/harness/cli/main.js',
    'cli/module-hooks': 'dist/harness/course/module-hooks.js',
    authoring: 'dist/harness/authoring.js',
  },
  // Packages (node-pty is a native addon, typescript and fast-check load only when needed) stay where npm put them.
  external: [/^node:/, /^[@a-z][^:]*$/],
  platform: 'node',
  logLevel: 'warn',
  output: { dir: 'dist/bundle', cleanDir: true, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'cli/[name]-[hash].js' },
};
