/** The dashboard's shared components, hooks and router: import from 'features/common' so every panel looks alike. */
export { Badge, StatusBadge, STATUS_TONES, toneOf, type Tone } from './Badge';
export { Button, type ButtonVariant } from './Button';
export { DataTable, type Column, type Paging } from './DataTable';
export { Checkbox, Field, NumberInput, Select, TextArea, TextInput, type Option } from './form';
export { Panel, Toolbar } from './Panel';
export { ProgressBar } from './ProgressBar';
export { later } from './later';
export { Link, matchPath, navigate, pathOf, useLocation, type Location, type RouteParams } from './router';
export { matchRoute, registeredRoutes, registerRoute, useRoute, type RouteDef, type RouteLayout, type RouteMatch } from './routes';
export { EmptyState, ErrorState, errorInfo, Loading, type ErrorInfo } from './states';
export { Tabs, type TabDef } from './Tabs';
export { fieldErrors, useAction, useApi, type ApiState } from './useApi';
export { FailureBadge, formatCost, HealthChips, runCost } from './runBits';
