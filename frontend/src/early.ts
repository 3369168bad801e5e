// Imported first by the entry, so it runs before the rest of the dashboard's modules: a page opened on a view that
// reads a large answer starts reading it now.
import { startEarlyGraph } from './features/graph/earlyGraph';

startEarlyGraph(window.location);
