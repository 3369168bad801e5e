import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor and findBy* give up after 1 s by default; beside the Java tests on a 2-core machine a render can take
// longer than that without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
