// Worker thread entry: the build runs under tsx, which a worker does not inherit, so it registers tsx itself
// before loading the TypeScript extractor (src/build/entities/extract-worker-task.ts).
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker-task.ts');
